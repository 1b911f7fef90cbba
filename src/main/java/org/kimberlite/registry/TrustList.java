package org.kimberlite.registry;

import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.SignatureException.Reason;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.json.CanonicalJson;
import tools.jackson.databind.JsonNode;

/**
 * The published list of every KP authority signing key, in the spirit of the ICAO master list: who
 * holds which key, and whether it is active, retired or revoked. The platform serves it signed with
 * its own trust-list key; with it and that key a verifier checks authority signatures offline
 * ({@link OfflineVerifier}).
 *
 * @param issuer the platform that published it (its origin)
 * @param issuedAt when it was published
 * @param keys every authority key, retired and revoked ones included
 */
public record TrustList(String issuer, Instant issuedAt, List<TrustedKey> keys) {
  /** The {@code typ} of a signed trust list. */
  public static final String TYPE = "kimberlite-trust-list+jwt";

  private static final Set<String> TOP = Set.of("issuer", "issuedAt", "keys");
  private static final Set<String> KEY =
      Set.of(
          "kid",
          "participant",
          "organisationId",
          "organisation",
          "jwk",
          "status",
          "createdAt",
          "retiredAt",
          "revokedAt");

  /** Members a listed key may leave out (lists published before they existed). */
  private static final Set<String> OPTIONAL_KEY = Set.of("compromisedAt");

  public TrustList {
    keys = List.copyOf(keys);
  }

  /**
   * One authority key as listed.
   *
   * @param compromisedAt for a revoked key, from when its signatures are refused (its creation when
   *     the revocation named no compromise time); null otherwise
   */
  public record TrustedKey(
      String kid,
      ParticipantCode participant,
      UUID organisationId,
      String organisation,
      byte[] publicKey,
      KeyStatus status,
      Instant createdAt,
      @Nullable Instant retiredAt,
      @Nullable Instant revokedAt,
      @Nullable Instant compromisedAt) {

    public TrustedKey {
      publicKey = publicKey.clone();
      if ((revokedAt == null) != (compromisedAt == null)) {
        throw new IllegalArgumentException("A compromise time comes with a revocation");
      }
    }

    @Override
    public byte[] publicKey() {
      return publicKey.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TrustedKey k
          && k.kid.equals(kid)
          && k.participant.equals(participant)
          && k.organisationId.equals(organisationId)
          && k.organisation.equals(organisation)
          && Arrays.equals(k.publicKey, publicKey)
          && k.status == status
          && k.createdAt.equals(createdAt)
          && Objects.equals(k.retiredAt, retiredAt)
          && Objects.equals(k.revokedAt, revokedAt)
          && Objects.equals(k.compromisedAt, compromisedAt);
    }

    @Override
    public int hashCode() {
      return kid.hashCode();
    }

    @Override
    public String toString() {
      return "TrustedKey[" + kid + " of " + participant + " " + status + "]";
    }

    Map<String, @Nullable Object> json() {
      Map<String, @Nullable Object> k = new LinkedHashMap<>();
      k.put("kid", kid);
      k.put("participant", participant.code());
      k.put("organisationId", organisationId.toString());
      k.put("organisation", organisation);
      k.put("jwk", Jwk.publicJwk(publicKey));
      k.put("status", status.name());
      k.put("createdAt", createdAt.toString());
      k.put("retiredAt", retiredAt == null ? null : retiredAt.toString());
      k.put("revokedAt", revokedAt == null ? null : revokedAt.toString());
      k.put("compromisedAt", compromisedAt == null ? null : compromisedAt.toString());
      return k;
    }
  }

  /** The listed key {@code kid}, if listed. */
  public Optional<TrustedKey> key(String kid) {
    return keys.stream().filter(k -> k.kid().equals(kid)).findFirst();
  }

  /** The list as RFC 8785 canonical JSON: the payload the platform signs. */
  public String toJson() {
    Map<String, @Nullable Object> top = new LinkedHashMap<>();
    top.put("issuer", issuer);
    top.put("issuedAt", issuedAt.toString());
    top.put("keys", keys.stream().map(TrustedKey::json).toList());
    return CanonicalJson.string(top);
  }

  /**
   * Reads a signed trust list (the JWS served by {@code /api/v1/trust-list}). With {@code
   * platformKey} (from {@code /api/v1/trust-list/key}, see {@link Jwk#parsePublic}) its signature
   * is checked; without it the list is only read, which is for display, not for trust.
   *
   * @throws SignatureException when it is malformed or its signature does not verify
   */
  public static TrustList parse(String jws, @Nullable PublicKey platformKey) {
    Jws.Parsed parsed = Jws.parse(jws);
    if (!TYPE.equals(parsed.typ())) {
      throw SignatureException.malformed("A trust list has typ " + TYPE);
    }
    if (platformKey != null) {
      byte[] key;
      try {
        key = Jwk.rawPublicKey(platformKey);
      } catch (IllegalArgumentException e) {
        throw new SignatureException(Reason.WRONG_ALGORITHM, "The platform key is not Ed25519");
      }
      if (!Jwk.thumbprint(key).equals(parsed.kid())) {
        throw new SignatureException(
            Reason.UNKNOWN_KEY, "The trust list is signed by another key than the one given");
      }
      Jws.verify(parsed, key);
    }
    return fromJson(parsed.payload());
  }

  /**
   * Reads the JSON payload of a trust list (as served by {@code /api/v1/trust-list.json}); checks
   * its shape, that each kid is its key's thumbprint and that each status fits its dates.
   *
   * @throws SignatureException MALFORMED
   */
  public static TrustList fromJson(byte[] utf8) {
    JsonNode top = Json.object(utf8);
    members(top, TOP, Set.of(), "trust list");
    String issuer = text(top, "issuer");
    Instant issuedAt = instant(top, "issuedAt");
    JsonNode list = top.get("keys");
    if (list == null || !list.isArray()) {
      throw SignatureException.malformed("keys must be a list");
    }
    List<TrustedKey> keys = new ArrayList<>();
    for (JsonNode k : list) {
      keys.add(key(k));
    }
    if (keys.stream().map(TrustedKey::kid).distinct().count() != keys.size()) {
      throw SignatureException.malformed("A key is listed twice");
    }
    return new TrustList(issuer, issuedAt, keys);
  }

  private static TrustedKey key(JsonNode k) {
    if (!k.isObject()) {
      throw SignatureException.malformed("Each listed key must be an object");
    }
    members(k, KEY, OPTIONAL_KEY, "listed key");
    JsonNode jwk = k.get("jwk");
    if (jwk == null || !jwk.isObject()) {
      throw SignatureException.malformed("jwk must be an object");
    }
    byte[] publicKey;
    try {
      publicKey = Jwk.fromNode(jwk);
    } catch (IllegalArgumentException e) {
      throw SignatureException.malformed("A listed jwk is not an Ed25519 key: " + e.getMessage());
    }
    String kid = text(k, "kid");
    if (!Jwk.thumbprint(publicKey).equals(kid)) {
      throw SignatureException.malformed("The kid " + kid + " is not its key's thumbprint");
    }
    UUID organisationId;
    KeyStatus status;
    try {
      organisationId = UUID.fromString(text(k, "organisationId"));
      status = KeyStatus.valueOf(text(k, "status"));
    } catch (IllegalArgumentException e) {
      throw SignatureException.malformed("Key " + kid + ": bad organisationId or status");
    }
    Instant retiredAt = optionalInstant(k, "retiredAt");
    Instant revokedAt = optionalInstant(k, "revokedAt");
    KeyStatus implied =
        revokedAt != null
            ? KeyStatus.REVOKED
            : retiredAt != null ? KeyStatus.RETIRED : KeyStatus.ACTIVE;
    if (status != implied) {
      throw SignatureException.malformed("Key " + kid + ": status " + status + " misfits dates");
    }
    Instant createdAt = instant(k, "createdAt");
    Instant compromisedAt = optionalInstant(k, "compromisedAt");
    if (revokedAt == null && compromisedAt != null) {
      throw SignatureException.malformed("Key " + kid + ": a compromise time without revocation");
    }
    if (revokedAt != null && compromisedAt == null) {
      compromisedAt = createdAt; // a list of before compromise times: every signature refused
    }
    if (compromisedAt != null
        && (compromisedAt.isBefore(createdAt) || compromisedAt.isAfter(revokedAt))) {
      throw SignatureException.malformed(
          "Key " + kid + ": the compromise time lies outside the key's life");
    }
    return new TrustedKey(
        kid,
        participant(text(k, "participant"), kid),
        organisationId,
        text(k, "organisation"),
        publicKey,
        status,
        createdAt,
        retiredAt,
        revokedAt,
        compromisedAt);
  }

  private static ParticipantCode participant(String text, String kid) {
    try {
      return ParticipantCode.of(text);
    } catch (IllegalArgumentException e) {
      throw SignatureException.malformed("Key " + kid + ": participant is not a participant code");
    }
  }

  private static void members(
      JsonNode node, Set<String> allowed, Set<String> optional, String what) {
    for (String name : node.propertyNames()) {
      if (!allowed.contains(name) && !optional.contains(name)) {
        throw SignatureException.malformed("Unexpected member " + name + " in a " + what);
      }
    }
    for (String name : allowed) {
      if (!node.has(name)) {
        throw SignatureException.malformed("A " + what + " has no " + name);
      }
    }
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isString()) {
      throw SignatureException.malformed(name + " must be a string");
    }
    // A lone surrogate (a "\ud800" escape) would be read but could never be written back.
    if (value
        .stringValue()
        .codePoints()
        .anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
      throw SignatureException.malformed(name + " holds an unpaired surrogate");
    }
    return value.stringValue();
  }

  private static Instant instant(JsonNode node, String name) {
    try {
      return Instant.parse(text(node, name));
    } catch (DateTimeParseException e) {
      throw SignatureException.malformed(name + " must be an ISO-8601 instant");
    }
  }

  private static @Nullable Instant optionalInstant(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : instant(node, name);
  }
}

package org.kimberlite.registry;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;

/**
 * A KP authority's Ed25519 signing key, public part only.
 *
 * @param kid the RFC 7638 thumbprint of the key's public OKP JWK (base64url SHA-256)
 * @param organisationId the authority it belongs to
 * @param participant the KP participant the authority acts for
 * @param publicKey the 32-byte Ed25519 public key
 * @param retiredAt when a newer key replaced it; its signatures still verify
 * @param revokedAt when its authority revoked it
 * @param compromisedAt from when its signatures are refused, for a revoked key: the compromise time
 *     its revocation named, or its creation when it named none; earlier signatures verify, marked
 */
public record SigningKey(
    String kid,
    UUID organisationId,
    ParticipantCode participant,
    byte[] publicKey,
    Instant createdAt,
    @Nullable Instant retiredAt,
    @Nullable Instant revokedAt,
    @Nullable Instant compromisedAt) {

  public SigningKey {
    publicKey = publicKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  public KeyStatus status() {
    return revokedAt != null
        ? KeyStatus.REVOKED
        : retiredAt != null ? KeyStatus.RETIRED : KeyStatus.ACTIVE;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SigningKey k
        && k.kid.equals(kid)
        && k.organisationId.equals(organisationId)
        && k.participant.equals(participant)
        && Arrays.equals(k.publicKey, publicKey)
        && k.createdAt.equals(createdAt)
        && java.util.Objects.equals(k.retiredAt, retiredAt)
        && java.util.Objects.equals(k.revokedAt, revokedAt)
        && java.util.Objects.equals(k.compromisedAt, compromisedAt);
  }

  @Override
  public int hashCode() {
    return kid.hashCode();
  }

  @Override
  public String toString() {
    return "SigningKey[" + kid + " of " + participant + " " + status() + "]";
  }
}

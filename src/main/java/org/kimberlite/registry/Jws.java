package org.kimberlite.registry;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.SignatureException.Reason;
import org.kimberlite.shared.json.CanonicalJson;
import tools.jackson.databind.JsonNode;

/**
 * JWS compact serialisation (RFC 7515) with EdDSA over Ed25519 (RFC 8037), written and read
 * strictly: three base64url parts without padding in their one canonical encoding, a protected
 * header that is one UTF-8 JSON object without duplicate names, {@code alg} EdDSA and no header
 * member other than {@code alg}, {@code kid} and {@code typ}. Keys are never taken from the token
 * ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c} are refused), nor is {@code crit} or
 * unencoded payload ({@code b64}) supported.
 */
final class Jws {
  static final String ALGORITHM = "EdDSA";

  /** The longest compact serialisation read: 8 MiB of characters. */
  static final int MAX_LENGTH = 8 * 1024 * 1024;

  private static final Set<String> HEADER_MEMBERS = Set.of("alg", "kid", "typ");
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private Jws() {}

  /** A parsed JWS whose signature is not yet checked. */
  record Parsed(
      String signingInput,
      @Nullable String kid,
      @Nullable String typ,
      byte[] payload,
      byte[] signature) {

    @Override
    public byte[] payload() {
      return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Parsed p
          && p.signingInput.equals(signingInput)
          && Arrays.equals(p.signature, signature);
    }

    @Override
    public int hashCode() {
      return signingInput.hashCode() * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
      return "JWS(kid=" + kid + ", typ=" + typ + ", " + payload.length + " bytes)";
    }
  }

  /** The protected header this platform writes: {@code {"alg":"EdDSA","kid":..,"typ":..}}. */
  static byte[] header(String kid, String typ) {
    Map<String, String> header = new LinkedHashMap<>();
    header.put("alg", ALGORITHM);
    header.put("kid", kid);
    header.put("typ", typ);
    return CanonicalJson.bytes(header);
  }

  /** Signs: {@code signer} gets the ASCII signing input and returns the 64-byte signature. */
  static String sign(byte[] protectedHeader, byte[] payload, UnaryOperator<byte[]> signer) {
    String input = base64url(protectedHeader) + "." + base64url(payload);
    byte[] signature = signer.apply(input.getBytes(StandardCharsets.US_ASCII));
    if (signature.length != Ed25519.SIGNATURE_SIZE) {
      throw new IllegalStateException("An Ed25519 signature has 64 bytes");
    }
    return input + "." + base64url(signature);
  }

  /**
   * Parses a compact serialisation without checking its signature.
   *
   * @throws SignatureException MALFORMED or WRONG_ALGORITHM
   */
  static Parsed parse(String compact) {
    if (compact.length() > MAX_LENGTH) {
      throw SignatureException.malformed("A JWS must be at most " + MAX_LENGTH + " characters");
    }
    int first = compact.indexOf('.');
    int second = first < 0 ? -1 : compact.indexOf('.', first + 1);
    if (first < 0 || second < 0 || compact.indexOf('.', second + 1) >= 0) {
      throw SignatureException.malformed("A JWS compact serialisation has three parts");
    }
    String headerPart = compact.substring(0, first);
    String payloadPart = compact.substring(first + 1, second);
    String signaturePart = compact.substring(second + 1);
    JsonNode header = Json.object(decode(headerPart, "protected header"));
    JsonNode alg = header.get("alg");
    if (alg == null || !alg.isString()) {
      throw SignatureException.malformed("The protected header has no alg");
    }
    if (!ALGORITHM.equals(alg.stringValue())) {
      throw new SignatureException(Reason.WRONG_ALGORITHM, "Only alg EdDSA (Ed25519) is accepted");
    }
    for (String name : header.propertyNames()) {
      if (!HEADER_MEMBERS.contains(name)) {
        throw SignatureException.malformed("The header member " + name + " is not accepted");
      }
    }
    String kid = optionalText(header, "kid");
    String typ = optionalText(header, "typ");
    byte[] payload = decode(payloadPart, "payload");
    byte[] signature = decode(signaturePart, "signature");
    return new Parsed(headerPart + "." + payloadPart, kid, typ, payload, signature);
  }

  /**
   * Checks the Ed25519 signature of a parsed JWS with {@code publicKey}.
   *
   * @throws SignatureException BAD_SIGNATURE
   */
  static void verify(Parsed jws, byte[] publicKey) {
    if (!Ed25519.verify(
        publicKey, jws.signingInput().getBytes(StandardCharsets.US_ASCII), jws.signature)) {
      throw new SignatureException(
          Reason.BAD_SIGNATURE, "The signature does not verify with the key named");
    }
  }

  private static @Nullable String optionalText(JsonNode header, String name) {
    JsonNode value = header.get(name);
    if (value == null) {
      return null;
    }
    if (!value.isString() || value.stringValue().isEmpty()) {
      throw SignatureException.malformed("The header member " + name + " must be a string");
    }
    return value.stringValue();
  }

  private static byte[] decode(String part, String what) {
    byte[] bytes = fromBase64url(part);
    if (bytes == null) {
      throw SignatureException.malformed(
          "The " + what + " is not base64url without padding in its canonical form");
    }
    return bytes;
  }

  static String base64url(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /**
   * Decodes base64url without padding, or returns null unless {@code text} is the one canonical
   * encoding of its bytes (no padding, no white space, unused trailing bits zero).
   */
  static byte @Nullable [] fromBase64url(String text) {
    if (text.length() % 4 == 1) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        return null;
      }
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return ENCODER.encodeToString(bytes).equals(text) ? bytes : null;
  }
}

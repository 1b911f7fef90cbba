package org.kimberlite.registry;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.json.CanonicalJson;
import tools.jackson.databind.JsonNode;

/**
 * Ed25519 public keys as OKP JSON Web Keys (RFC 8037 section 2) and their RFC 7638 thumbprints,
 * which are the key ids ({@code kid}) of every signing key on the platform.
 */
public final class Jwk {
  /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the raw key follows it. */
  private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private static final Set<String> PUBLIC_MEMBERS = Set.of("kty", "crv", "x", "kid", "use", "alg");

  private Jwk() {}

  /** The public JWK: {@code {"kty":"OKP","crv":"Ed25519","x":<base64url key>}}. */
  public static Map<String, String> publicJwk(byte[] publicKey) {
    requireSize(publicKey);
    Map<String, String> jwk = new LinkedHashMap<>();
    jwk.put("kty", "OKP");
    jwk.put("crv", "Ed25519");
    jwk.put("x", Jws.base64url(publicKey));
    return jwk;
  }

  /**
   * The RFC 7638 thumbprint: base64url SHA-256 of the canonical JSON of the required members {@code
   * crv}, {@code kty}, {@code x} in that order, without white space.
   */
  public static String thumbprint(byte[] publicKey) {
    byte[] canonical = CanonicalJson.bytes(publicJwk(publicKey));
    try {
      return Jws.base64url(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a public OKP Ed25519 JWK (as served by {@code /api/v1/trust-list/key}) and returns its
   * raw 32-byte key. A {@code kid}, when present, must be the key's thumbprint; a private member
   * ({@code d}) or any unexpected member is refused.
   *
   * @throws IllegalArgumentException when the text is not such a key
   */
  public static byte[] parsePublic(String json) {
    JsonNode node;
    try {
      node = Json.object(json.getBytes(StandardCharsets.UTF_8));
    } catch (SignatureException e) {
      throw new IllegalArgumentException("Not a JSON object: " + e.getMessage(), e);
    }
    return fromNode(node);
  }

  static byte[] fromNode(JsonNode node) {
    for (String name : node.propertyNames()) {
      if (!PUBLIC_MEMBERS.contains(name)) {
        throw new IllegalArgumentException("Unexpected JWK member " + name);
      }
    }
    if (!"OKP".equals(text(node, "kty")) || !"Ed25519".equals(text(node, "crv"))) {
      throw new IllegalArgumentException("Not an OKP Ed25519 key");
    }
    String x = text(node, "x");
    byte[] key = x == null ? null : Jws.fromBase64url(x);
    if (key == null || key.length != Ed25519.PUBLIC_KEY_SIZE) {
      throw new IllegalArgumentException("x must be the base64url of 32 bytes");
    }
    String kid = text(node, "kid");
    if (node.has("kid") && !thumbprint(key).equals(kid)) {
      throw new IllegalArgumentException("kid is not the key's RFC 7638 thumbprint");
    }
    if (node.has("alg") && !Jws.ALGORITHM.equals(text(node, "alg"))) {
      throw new IllegalArgumentException("alg must be EdDSA");
    }
    return key;
  }

  private static @Nullable String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value != null && value.isString() ? value.stringValue() : null;
  }

  /** The raw key as a JCA public key (algorithm Ed25519). */
  public static PublicKey toPublicKey(byte[] publicKey) {
    requireSize(publicKey);
    byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + publicKey.length);
    System.arraycopy(publicKey, 0, spki, SPKI_PREFIX.length, publicKey.length);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Not an Ed25519 public key", e);
    }
  }

  /** The raw 32-byte key of a JCA Ed25519 public key. */
  public static byte[] rawPublicKey(PublicKey key) {
    byte[] spki = key.getEncoded();
    if (spki == null
        || spki.length != SPKI_PREFIX.length + Ed25519.PUBLIC_KEY_SIZE
        || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
      throw new IllegalArgumentException("Not an Ed25519 public key: " + key.getAlgorithm());
    }
    return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
  }

  private static void requireSize(byte[] publicKey) {
    if (publicKey.length != Ed25519.PUBLIC_KEY_SIZE) {
      throw new IllegalArgumentException(
          "An Ed25519 public key has 32 bytes, not " + publicKey.length);
    }
  }
}

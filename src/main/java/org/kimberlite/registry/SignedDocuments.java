package org.kimberlite.registry;

import org.kimberlite.registry.SignatureException.Reason;

/**
 * Platform documents other than the trust list (the federation directory) signed with a platform's
 * trust-list key ({@link TrustLists#signDocument}): opened only with that key, only with their
 * type.
 */
public final class SignedDocuments {
  private SignedDocuments() {}

  /**
   * The payload of {@code jws} once its type is {@code typ}, its kid is the thumbprint of {@code
   * publicKey} and its signature verifies with it.
   *
   * @throws SignatureException MALFORMED, WRONG_ALGORITHM, UNKNOWN_KEY or BAD_SIGNATURE
   */
  public static byte[] open(String jws, String typ, byte[] publicKey) {
    Jws.Parsed parsed = Jws.parse(jws);
    if (!typ.equals(parsed.typ())) {
      throw SignatureException.malformed("The document is not of type " + typ);
    }
    if (publicKey.length != Ed25519.PUBLIC_KEY_SIZE
        || !Jwk.thumbprint(publicKey).equals(parsed.kid())) {
      throw new SignatureException(
          Reason.UNKNOWN_KEY, "The document is signed by another key than the one given");
    }
    Jws.verify(parsed, publicKey);
    return parsed.payload();
  }

  /** Base64url without padding, as in JWS and JWK. */
  public static String base64url(byte[] bytes) {
    return Jws.base64url(bytes);
  }

  /** Decodes canonical base64url without padding, or throws {@link IllegalArgumentException}. */
  public static byte[] fromBase64url(String text) {
    byte[] bytes = Jws.fromBase64url(text);
    if (bytes == null) {
      throw new IllegalArgumentException("not canonical base64url without padding");
    }
    return bytes;
  }
}

package org.kimberlite.registry;

/**
 * Ed25519 verification (RFC 8032, section 5.1.7) as the platform applies it: strict, so that a
 * signature has exactly one encoding. S must be below the group order L, R and the public key must
 * be canonical encodings of curve points, and the signature exactly 64 bytes.
 */
public final class Ed25519 {
  public static final int PUBLIC_KEY_SIZE = 32;
  public static final int SIGNATURE_SIZE = 64;

  private Ed25519() {}

  /** Whether {@code signature} is {@code publicKey}'s Ed25519 signature of {@code message}. */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey.length != PUBLIC_KEY_SIZE || signature.length != SIGNATURE_SIZE) {
      return false;
    }
    return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
        signature, 0, publicKey, 0, message, 0, message.length);
  }
}

package org.kimberlite.ledger;

import java.util.Arrays;

/**
 * One signature line of a signed note: {@code — <name> base64(keyId || signature)}.
 *
 * @param name the key name
 * @param keyId the 32-bit key ID (first four bytes of the encoded signature, big-endian)
 * @param signature the bytes after the key ID (for Ed25519, the 64-byte signature; for an Ed25519
 *     cosignature, the 8-byte timestamp followed by the 64-byte signature)
 */
public record NoteSignature(String name, int keyId, byte[] signature) {
  public NoteSignature {
    Codec.requireKeyName(name);
    if (signature.length == 0) {
      throw new IllegalArgumentException("signature is empty");
    }
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** base64(keyId || signature), as it appears in the signature line. */
  public String base64() {
    byte[] b = new byte[4 + signature.length];
    b[0] = (byte) (keyId >>> 24);
    b[1] = (byte) (keyId >>> 16);
    b[2] = (byte) (keyId >>> 8);
    b[3] = (byte) keyId;
    System.arraycopy(signature, 0, b, 4, signature.length);
    return Codec.base64(b);
  }

  /** The signature line including its final newline. */
  public String line() {
    return Notes.EM_DASH + " " + name + " " + base64() + "\n";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteSignature s
        && s.name.equals(name)
        && s.keyId == keyId
        && Arrays.equals(s.signature, signature);
  }

  @Override
  public int hashCode() {
    return (name.hashCode() * 31 + keyId) * 31 + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "NoteSignature[" + name + "+" + Codec.hex8(keyId) + " " + base64() + "]";
  }
}

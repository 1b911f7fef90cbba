package org.kimberlite.ledger;

/**
 * An Ed25519 signed-note verifier (signature type 0x01), from a verifier key {@code <name>+<hex key
 * ID>+<base64(0x01 || 32-byte public key)>}.
 */
public final class NoteVerifier {
  private final Ed25519Keys.Public key;

  private NoteVerifier(Ed25519Keys.Public key) {
    this.key = key;
  }

  /**
   * Parses a verifier key strictly: a valid key name, exactly eight lowercase hex digits that match
   * the key ID computed from the name and key, canonical base64 of 0x01 followed by a valid 32-byte
   * Ed25519 public key, and nothing else.
   */
  public static NoteVerifier parse(String vkey) {
    return new NoteVerifier(Ed25519Keys.parsePublic(vkey, Ed25519Keys.TYPE_ED25519));
  }

  /** The verifier for a name and a 32-byte Ed25519 public key. */
  public static NoteVerifier of(String name, byte[] publicKey) {
    return new NoteVerifier(Ed25519Keys.Public.of(name, Ed25519Keys.TYPE_ED25519, publicKey));
  }

  public String name() {
    return key.name();
  }

  public int keyId() {
    return key.keyId();
  }

  public byte[] publicKey() {
    return key.publicKey().clone();
  }

  public String vkey() {
    return key.vkey();
  }

  /** Whether {@code signature} is a valid 64-byte Ed25519 signature of {@code message}. */
  public boolean verify(byte[] message, byte[] signature) {
    return key.verify(message, signature);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteVerifier v && v.key.equals(key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return vkey();
  }
}

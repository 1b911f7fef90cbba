package org.kimberlite.ledger;

/**
 * An Ed25519 signed-note signer (signature type 0x01, https://c2sp.org/signed-note), with the
 * private key format of Go's golang.org/x/mod/sumdb/note: {@code PRIVATE+KEY+<name>+<hex key
 * ID>+<base64(0x01 || 32-byte seed)>}.
 */
public final class NoteSigner {
  private final Ed25519Keys.Private key;

  private NoteSigner(Ed25519Keys.Private key) {
    this.key = key;
  }

  /** A new key from {@link java.security.SecureRandom}. */
  public static NoteSigner generate(String name) {
    return new NoteSigner(Ed25519Keys.Private.generate(name, Ed25519Keys.TYPE_ED25519));
  }

  /** The key with the given 32-byte RFC 8032 seed. */
  public static NoteSigner fromSeed(String name, byte[] seed32) {
    return new NoteSigner(Ed25519Keys.Private.of(name, Ed25519Keys.TYPE_ED25519, seed32));
  }

  /**
   * Parses {@code PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || seed)>}; the key ID must be eight
   * lowercase hex digits and match the name and key.
   */
  public static NoteSigner parse(String skey) {
    return new NoteSigner(Ed25519Keys.parsePrivate(skey, Ed25519Keys.TYPE_ED25519));
  }

  /** The private key in the format read by {@link #parse(String)}. Secret. */
  public String skey() {
    return key.skey();
  }

  public String name() {
    return key.name();
  }

  /** SHA-256(name || 0x0A || 0x01 || public key)[:4], big-endian. */
  public int keyId() {
    return key.keyId();
  }

  /** The verifier key {@code <name>+<8 lowercase hex key ID>+<base64(0x01 || public key)>}. */
  public String vkey() {
    return key.vkey();
  }

  public byte[] publicKey() {
    return key.publicKey().clone();
  }

  /** The matching verifier. */
  public NoteVerifier verifier() {
    return NoteVerifier.of(name(), publicKey());
  }

  /** A raw 64-byte Ed25519 signature of {@code message}. */
  public byte[] sign(byte[] message) {
    return key.sign(message);
  }

  /** Names the key, never the secret. */
  @Override
  public String toString() {
    return "NoteSigner[" + name() + "+" + Codec.hex8(keyId()) + "]";
  }
}

package org.kimberlite.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A witness cosigner with an Ed25519 {@code cosignature/v1} key (https://c2sp.org/tlog-cosignature,
 * signature type 0x04).
 *
 * <p>Key ID = SHA-256(name || 0x0A || 0x04 || public key)[:4]; verifier key {@code <name>+<hex key
 * ID>+<base64(0x04 || public key)>}; private key {@code PRIVATE+KEY+<name>+<hex key
 * ID>+<base64(0x04 || seed)>} (the signed-note private key format with the cosignature type byte).
 */
public final class Cosigner {
  private final Ed25519Keys.Private key;

  private Cosigner(Ed25519Keys.Private key) {
    this.key = key;
  }

  public static Cosigner generate(String name) {
    return new Cosigner(Ed25519Keys.Private.generate(name, Ed25519Keys.TYPE_COSIGNATURE_V1));
  }

  public static Cosigner fromSeed(String name, byte[] seed32) {
    return new Cosigner(Ed25519Keys.Private.of(name, Ed25519Keys.TYPE_COSIGNATURE_V1, seed32));
  }

  public static Cosigner parse(String skey) {
    return new Cosigner(Ed25519Keys.parsePrivate(skey, Ed25519Keys.TYPE_COSIGNATURE_V1));
  }

  /** The private key in the format read by {@link #parse(String)}. Secret. */
  public String skey() {
    return key.skey();
  }

  public String name() {
    return key.name();
  }

  public int keyId() {
    return key.keyId();
  }

  public String vkey() {
    return key.vkey();
  }

  public byte[] publicKey() {
    return key.publicKey().clone();
  }

  public CosignatureVerifier verifier() {
    return CosignatureVerifier.of(name(), publicKey());
  }

  /**
   * Cosigns a checkpoint at {@code timestampSeconds} (POSIX seconds). The returned signature's
   * bytes are the 8-byte big-endian timestamp followed by the 64-byte Ed25519 signature of {@link
   * #signedMessage(Checkpoint, long)}; its line in the note is {@code — <name> base64(key ID ||
   * timestamp || signature)}.
   */
  public NoteSignature cosign(Checkpoint checkpoint, long timestampSeconds) {
    byte[] sig = key.sign(signedMessage(checkpoint, timestampSeconds));
    byte[] out = ByteBuffer.allocate(8 + sig.length).putLong(timestampSeconds).put(sig).array();
    return new NoteSignature(name(), keyId(), out);
  }

  /**
   * The message an Ed25519 cosignature signs: {@code cosignature/v1\ntime <timestamp>\n} followed
   * by the checkpoint body.
   */
  public static byte[] signedMessage(Checkpoint checkpoint, long timestampSeconds) {
    if (timestampSeconds < 0) {
      throw new IllegalArgumentException("timestamp is negative: " + timestampSeconds);
    }
    String m = "cosignature/v1\ntime " + timestampSeconds + "\n" + checkpoint.body();
    return m.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Cosigner[" + name() + "+" + Codec.hex8(keyId()) + "]";
  }
}

package org.kimberlite.ledger;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** Verifies Ed25519 {@code cosignature/v1} cosignatures (signature type 0x04) of one cosigner. */
public final class CosignatureVerifier {
  private static final int SIGNATURE_BYTES = 8 + Ed25519Keys.SIGNATURE_SIZE;
  private final Ed25519Keys.Public key;

  private CosignatureVerifier(Ed25519Keys.Public key) {
    this.key = key;
  }

  /** Parses {@code <name>+<hex key ID>+<base64(0x04 || public key)>} strictly. */
  public static CosignatureVerifier parse(String vkey) {
    return new CosignatureVerifier(Ed25519Keys.parsePublic(vkey, Ed25519Keys.TYPE_COSIGNATURE_V1));
  }

  public static CosignatureVerifier of(String name, byte[] publicKey) {
    return new CosignatureVerifier(
        Ed25519Keys.Public.of(name, Ed25519Keys.TYPE_COSIGNATURE_V1, publicKey));
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

  /**
   * Verifies this cosigner's signature of {@code checkpoint} and returns its timestamp (POSIX
   * seconds).
   *
   * @throws ProofException if the signature is by another key (name or key ID), is not 72 bytes,
   *     has a timestamp above 2^63-1, or does not verify
   */
  public long verify(Checkpoint checkpoint, NoteSignature sig) {
    if (!sig.name().equals(name()) || sig.keyId() != keyId()) {
      throw new ProofException(
          "cosignature by " + sig.name() + "+" + Codec.hex8(sig.keyId()) + " is not by " + this);
    }
    byte[] bytes = sig.signature();
    if (bytes.length != SIGNATURE_BYTES) {
      throw new ProofException(
          "cosignature by " + name() + " must be 72 bytes after the key ID, got " + bytes.length);
    }
    long timestamp = ByteBuffer.wrap(bytes, 0, 8).getLong();
    if (timestamp < 0) {
      throw new ProofException("cosignature timestamp exceeds 2^63-1");
    }
    byte[] ed25519 = Arrays.copyOfRange(bytes, 8, bytes.length);
    if (!key.verify(Cosigner.signedMessage(checkpoint, timestamp), ed25519)) {
      throw new ProofException("invalid cosignature by " + this);
    }
    return timestamp;
  }

  /**
   * Finds this cosigner's signatures in a parsed checkpoint note (see {@link Notes#parse(String)}),
   * verifies every one and returns the latest timestamp.
   *
   * @throws ProofException if the note has no signature by this cosigner or one fails
   * @throws LogFormatException if the note text is not a checkpoint
   */
  public long verify(Note note) {
    Checkpoint checkpoint = Checkpoint.parseBody(note.text());
    long latest = -1;
    for (NoteSignature s : note.signatures()) {
      if (s.name().equals(name()) && s.keyId() == keyId()) {
        latest = Math.max(latest, verify(checkpoint, s));
      }
    }
    if (latest < 0) {
      throw new ProofException("note has no cosignature by " + this);
    }
    return latest;
  }

  @Override
  public String toString() {
    return name() + "+" + Codec.hex8(keyId());
  }
}

package org.kimberlite.ledger;

import java.security.MessageDigest;

/** The RFC 6962 (section 2.1) / RFC 9162 (section 2.1.1) hashing of a Merkle tree with SHA-256. */
public final class Rfc6962 {
  /** Size in bytes of every hash of this package. */
  public static final int HASH_SIZE = Codec.HASH_SIZE;

  private static final byte[] EMPTY_ROOT = Codec.sha256().digest();

  private Rfc6962() {}

  /** SHA-256(0x00 || entry): the hash of a leaf. */
  public static byte[] leafHash(byte[] entry) {
    MessageDigest md = Codec.sha256();
    md.update((byte) 0x00);
    md.update(entry);
    return md.digest();
  }

  /** SHA-256(0x01 || left || right): the hash of an interior node. */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest md = Codec.sha256();
    md.update((byte) 0x01);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  /** SHA-256 of the empty string: the root hash of the empty tree. */
  public static byte[] emptyRoot() {
    return EMPTY_ROOT.clone();
  }
}

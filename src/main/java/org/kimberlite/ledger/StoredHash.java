package org.kimberlite.ledger;

import java.util.Arrays;

/**
 * The hash of the complete subtree at {@code level} (height) and {@code index}, covering leaves
 * {@code [index * 2^level, (index + 1) * 2^level)}; see {@link HashReader}.
 */
public record StoredHash(int level, long index, byte[] hash) {
  public StoredHash {
    if (level < 0 || level > 63) {
      throw new IllegalArgumentException("level out of range: " + level);
    }
    if (index < 0) {
      throw new IllegalArgumentException("index is negative: " + index);
    }
    if (hash.length != Rfc6962.HASH_SIZE) {
      throw new IllegalArgumentException("hash must be 32 bytes, got " + hash.length);
    }
    hash = hash.clone();
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredHash s
        && s.level == level
        && s.index == index
        && Arrays.equals(s.hash, hash);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * level + Long.hashCode(index)) + Arrays.hashCode(hash);
  }

  @Override
  public String toString() {
    return "StoredHash[level=" + level + ", index=" + index + ", hash=" + Codec.base64(hash) + "]";
  }
}

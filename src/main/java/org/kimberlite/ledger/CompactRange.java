package org.kimberlite.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * Appending to a Merkle tree whose complete-subtree hashes are stored (see {@link HashReader}).
 *
 * <p>When leaf {@code index} is appended, the subtrees that become complete are the leaf itself
 * (level 0) and, for every trailing one bit of {@code index}, the parent one level up: the node at
 * {@code (level, index >> level)} is complete exactly when its last leaf has arrived. To store the
 * tree, persist every {@link StoredHash} returned, in the same transaction as the leaf. Each call
 * reads at most one stored hash per level (the left siblings, which were stored by earlier calls)
 * and never reads the hashes it is computing, so the reader need not see uncommitted writes.
 */
public final class CompactRange {
  private CompactRange() {}

  /**
   * Every stored hash that becomes complete when the leaf with hash {@code leafHash} is appended at
   * position {@code index} (the tree size before the append): first {@code (0, index, leafHash)},
   * then each parent whose subtree has just been completed, lowest level first.
   *
   * @param r reads the left siblings {@code (level, (index >> level) - 1)} stored earlier
   */
  public static List<StoredHash> appendLeaf(long index, byte[] leafHash, HashReader r) {
    if (index < 0) {
      throw new IllegalArgumentException("leaf index is negative: " + index);
    }
    if (leafHash.length != Rfc6962.HASH_SIZE) {
      throw new IllegalArgumentException("leaf hash must be 32 bytes, got " + leafHash.length);
    }
    List<StoredHash> out = new ArrayList<>();
    byte[] h = leafHash.clone();
    int level = 0;
    long i = index;
    out.add(new StoredHash(level, i, h));
    while ((i & 1) == 1) {
      byte[] left = TreeMath.read(r, level, i - 1);
      h = Rfc6962.nodeHash(left, h);
      level++;
      i >>>= 1;
      out.add(new StoredHash(level, i, h));
    }
    return out;
  }
}

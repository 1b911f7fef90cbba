package org.kimberlite.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Root hashes and proofs of an RFC 6962 Merkle tree computed from stored complete-subtree hashes
 * (see {@link HashReader}).
 *
 * <p>Every tree node of RFC 6962 covers a leaf range {@code [begin, end)} where {@code begin} is a
 * multiple of a power of two at least {@code end - begin}. Its hash is therefore the fold, from the
 * right, of the complete subtrees given by the binary decomposition of {@code end - begin}. Each
 * function reads O(log n) stored hashes: along a path at most one node lies on the right edge of
 * the tree and needs to be assembled from several complete subtrees; every other node is complete
 * and is read directly.
 */
public final class TreeMath {
  private TreeMath() {}

  /** RFC 6962 MTH(D[0:size]); the empty-tree hash for size 0. */
  public static byte[] rootHash(long size, HashReader r) {
    if (size < 0) {
      throw new IllegalArgumentException("tree size is negative: " + size);
    }
    if (size == 0) {
      return Rfc6962.emptyRoot();
    }
    return rangeHash(0, size, r);
  }

  /**
   * The RFC 6962 section 2.1.1 (RFC 9162 section 2.1.3.1) audit path PATH(index, D[0:size]),
   * starting with the leaf's sibling and ending with a child of the root.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size}
   */
  public static List<byte[]> inclusionProof(long index, long size, HashReader r) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "leaf index " + index + " is not in a tree of size " + size);
    }
    List<byte[]> topDown = new ArrayList<>();
    long lo = 0;
    long hi = size;
    while (hi - lo > 1) {
      long k = Long.highestOneBit(hi - lo - 1);
      if (index < lo + k) {
        topDown.add(rangeHash(lo + k, hi, r));
        hi = lo + k;
      } else {
        topDown.add(rangeHash(lo, lo + k, r));
        lo = lo + k;
      }
    }
    Collections.reverse(topDown);
    return topDown;
  }

  /**
   * The RFC 6962 section 2.1.2 (RFC 9162 section 2.1.4.1) consistency proof PROOF(size1,
   * D[0:size2]); empty when the sizes are equal.
   *
   * @throws IllegalArgumentException unless {@code 0 < size1 <= size2}
   */
  public static List<byte[]> consistencyProof(long size1, long size2, HashReader r) {
    if (size1 <= 0 || size1 > size2) {
      throw new IllegalArgumentException(
          "no consistency proof from size " + size1 + " to size " + size2);
    }
    List<byte[]> topDown = new ArrayList<>();
    long lo = 0;
    long hi = size2;
    boolean complete = true; // the "b" flag of SUBPROOF: the node is a subtree of the old tree
    while (true) {
      long n = hi - lo;
      long m = size1 - lo;
      if (m == n) {
        if (!complete) {
          topDown.add(rangeHash(lo, hi, r));
        }
        break;
      }
      long k = Long.highestOneBit(n - 1);
      if (m <= k) {
        topDown.add(rangeHash(lo + k, hi, r));
        hi = lo + k;
      } else {
        topDown.add(rangeHash(lo, lo + k, r));
        lo = lo + k;
        complete = false;
      }
    }
    Collections.reverse(topDown);
    return topDown;
  }

  /**
   * MTH(D[begin:end]) for a range that is a node of an RFC 6962 tree ({@code begin} is a multiple
   * of a power of two that is at least {@code end - begin}).
   */
  static byte[] rangeHash(long begin, long end, HashReader r) {
    long rem = end - begin;
    if (rem <= 0) {
      throw new IllegalArgumentException("empty range [" + begin + ", " + end + ")");
    }
    byte[] acc = null;
    long pos = end;
    while (rem != 0) {
      long low = Long.lowestOneBit(rem);
      int level = Long.numberOfTrailingZeros(low);
      pos -= low;
      byte[] h = read(r, level, pos >>> level);
      acc = acc == null ? h : Rfc6962.nodeHash(h, acc);
      rem -= low;
    }
    return acc;
  }

  static byte[] read(HashReader r, int level, long index) {
    byte[] h = r.hash(level, index);
    if (h == null || h.length != Rfc6962.HASH_SIZE) {
      throw new IllegalStateException(
          "stored hash at level " + level + ", index " + index + " is not 32 bytes");
    }
    return h.clone();
  }
}

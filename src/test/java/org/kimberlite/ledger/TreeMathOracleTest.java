package org.kimberlite.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TreeMath and CompactRange against a naive implementation written straight from RFC 6962 section
 * 2.1 (recursive MTH, PATH and PROOF over a list of leaves), across tile boundaries.
 */
class TreeMathOracleTest {
  private static final int MAX = 1100;
  private static final List<byte[]> LEAVES = new ArrayList<>();
  private static final MemoryTree TREE = new MemoryTree();

  @BeforeAll
  static void build() {
    for (int i = 0; i < MAX; i++) {
      byte[] leaf = Rfc6962.leafHash(ByteBuffer.allocate(8).putLong(i * 7919L).array());
      LEAVES.add(leaf);
      TREE.appendLeafHash(leaf);
    }
  }

  // ---- The oracle: RFC 6962 section 2.1, verbatim recursion over D[lo:hi]. ----

  private static int largestPowerOfTwoBelow(int n) {
    int k = 1;
    while (k << 1 < n) {
      k <<= 1;
    }
    return k;
  }

  static byte[] mth(int lo, int hi) {
    int n = hi - lo;
    if (n == 0) {
      return Rfc6962.emptyRoot();
    }
    if (n == 1) {
      return LEAVES.get(lo);
    }
    int k = largestPowerOfTwoBelow(n);
    return Rfc6962.nodeHash(mth(lo, lo + k), mth(lo + k, hi));
  }

  static List<byte[]> path(int m, int lo, int hi) {
    int n = hi - lo;
    List<byte[]> out = new ArrayList<>();
    if (n == 1) {
      return out;
    }
    int k = largestPowerOfTwoBelow(n);
    if (m < k) {
      out.addAll(path(m, lo, lo + k));
      out.add(mth(lo + k, hi));
    } else {
      out.addAll(path(m - k, lo + k, hi));
      out.add(mth(lo, lo + k));
    }
    return out;
  }

  static List<byte[]> proof(int m, int lo, int hi) {
    return subproof(m, lo, hi, true);
  }

  static List<byte[]> subproof(int m, int lo, int hi, boolean b) {
    int n = hi - lo;
    List<byte[]> out = new ArrayList<>();
    if (m == n) {
      if (!b) {
        out.add(mth(lo, hi));
      }
      return out;
    }
    int k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      out.addAll(subproof(m, lo, lo + k, b));
      out.add(mth(lo + k, hi));
    } else {
      out.addAll(subproof(m - k, lo + k, hi, false));
      out.add(mth(lo, lo + k));
    }
    return out;
  }

  // ---- The comparisons. ----

  private static TreeSet<Integer> interestingSizes(Random rnd) {
    TreeSet<Integer> sizes = new TreeSet<>();
    for (int s = 1; s <= 70; s++) {
      sizes.add(s);
    }
    for (int s : new int[] {127, 128, 129, 255, 256, 257, 511, 512, 513, 767, 768, 1023, 1024}) {
      sizes.add(s);
    }
    sizes.add(1025);
    sizes.add(MAX);
    for (int i = 0; i < 40; i++) {
      sizes.add(1 + rnd.nextInt(MAX));
    }
    return sizes;
  }

  @Test
  void rootsOfEverySize() {
    for (int size = 0; size <= MAX; size++) {
      assertThat(TreeMath.rootHash(size, TREE.bounded(size)))
          .as("size " + size)
          .isEqualTo(mth(0, size));
    }
  }

  @Test
  void storedHashesAreTheCompleteSubtrees() {
    for (int level = 0; (1 << level) <= MAX; level++) {
      for (int index = 0; (index + 1) << level <= MAX; index++) {
        assertThat(TREE.hash(level, index)).isEqualTo(mth(index << level, (index + 1) << level));
      }
    }
  }

  @Test
  void inclusionProofs() {
    Random rnd = new Random(6962);
    int checked = 0;
    for (int size : interestingSizes(rnd)) {
      TreeSet<Integer> indexes = new TreeSet<>();
      if (size <= 70) {
        for (int i = 0; i < size; i++) {
          indexes.add(i);
        }
      } else {
        indexes.add(0);
        indexes.add(size - 1);
        indexes.add(size / 2);
        for (int edge : new int[] {255, 256, 511, 512, 1023, 1024}) {
          if (edge < size) {
            indexes.add(edge);
          }
        }
        for (int i = 0; i < 12; i++) {
          indexes.add(rnd.nextInt(size));
        }
      }
      byte[] root = mth(0, size);
      for (int index : indexes) {
        List<byte[]> proof = TreeMath.inclusionProof(index, size, TREE.bounded(size));
        assertThat(proof)
            .as("PATH(%d, D[%d])", index, size)
            .containsExactlyElementsOf(path(index, 0, size));
        ProofVerifier.verifyInclusion(LEAVES.get(index), index, size, proof, root);
        assertThat(ProofVerifier.rootFromInclusionProof(LEAVES.get(index), index, size, proof))
            .isEqualTo(root);
        if (!proof.isEmpty() && checked % 7 == 0) {
          List<byte[]> tampered = new ArrayList<>(proof);
          int at = rnd.nextInt(tampered.size());
          byte[] h = tampered.get(at).clone();
          h[rnd.nextInt(32)] ^= (byte) (1 << rnd.nextInt(8));
          tampered.set(at, h);
          List<byte[]> bad = tampered;
          assertThatThrownBy(
                  () -> ProofVerifier.verifyInclusion(LEAVES.get(index), index, size, bad, root))
              .isInstanceOf(ProofException.class);
          assertThatThrownBy(
                  () ->
                      ProofVerifier.verifyInclusion(
                          LEAVES.get(index), index, size, proof.subList(1, proof.size()), root))
              .isInstanceOf(ProofException.class);
          List<byte[]> longer = new ArrayList<>(proof);
          longer.add(root);
          assertThatThrownBy(
                  () -> ProofVerifier.verifyInclusion(LEAVES.get(index), index, size, longer, root))
              .isInstanceOf(ProofException.class);
          int other = (index + 1) % size;
          if (other != index) {
            assertThatThrownBy(
                    () ->
                        ProofVerifier.verifyInclusion(LEAVES.get(index), other, size, proof, root))
                .isInstanceOf(ProofException.class);
          }
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(2500);
  }

  @Test
  void consistencyProofs() {
    Random rnd = new Random(9162);
    List<int[]> pairs = new ArrayList<>();
    for (int n = 1; n <= 40; n++) {
      for (int m = 1; m <= n; m++) {
        pairs.add(new int[] {m, n});
      }
    }
    int[][] edges = {
      {255, 256},
      {256, 257},
      {255, 257},
      {256, 512},
      {257, 513},
      {1, MAX},
      {1024, MAX},
      {1023, 1025},
      {512, 1024},
      {MAX - 1, MAX},
      {MAX, MAX},
      {129, 1024}
    };
    pairs.addAll(List.of(edges));
    for (int i = 0; i < 300; i++) {
      int n = 1 + rnd.nextInt(MAX);
      pairs.add(new int[] {1 + rnd.nextInt(n), n});
    }
    for (int[] p : pairs) {
      int m = p[0];
      int n = p[1];
      List<byte[]> proof = TreeMath.consistencyProof(m, n, TREE.bounded(n));
      assertThat(proof).as("PROOF(%d, D[%d])", m, n).containsExactlyElementsOf(proof(m, 0, n));
      byte[] root1 = mth(0, m);
      byte[] root2 = mth(0, n);
      ProofVerifier.verifyConsistency(m, n, root1, root2, proof);
      if (m < n) {
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(m, n, root2, root2, proof))
            .isInstanceOf(ProofException.class);
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(m, n, root1, root1, proof))
            .isInstanceOf(ProofException.class);
        List<byte[]> tampered = new ArrayList<>(proof);
        int at = rnd.nextInt(tampered.size());
        byte[] h = tampered.get(at).clone();
        h[rnd.nextInt(32)] ^= 1;
        tampered.set(at, h);
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(m, n, root1, root2, tampered))
            .isInstanceOf(ProofException.class);
        List<byte[]> truncated = proof.subList(0, proof.size() - 1);
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(m, n, root1, root2, truncated))
            .isInstanceOf(ProofException.class);
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(root2);
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(m, n, root1, root2, longer))
            .isInstanceOf(ProofException.class);
      }
    }
  }

  @Test
  void argumentsOutsideTheTreeAreRefused() {
    assertThatThrownBy(() -> TreeMath.inclusionProof(5, 5, TREE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TreeMath.inclusionProof(-1, 5, TREE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TreeMath.consistencyProof(0, 5, TREE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TreeMath.consistencyProof(6, 5, TREE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TreeMath.rootHash(-1, TREE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(TreeMath.consistencyProof(5, 5, TREE)).isEmpty();
  }

  @Test
  void compactRangeReturnsEveryCompletedSubtree() {
    MemoryTree t = MemoryTree.of(LEAVES.subList(0, 7));
    List<StoredHash> stored = CompactRange.appendLeaf(7, LEAVES.get(7), t.bounded(7));
    assertThat(stored)
        .extracting(StoredHash::level, StoredHash::index)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 7L),
            org.assertj.core.groups.Tuple.tuple(1, 3L),
            org.assertj.core.groups.Tuple.tuple(2, 1L),
            org.assertj.core.groups.Tuple.tuple(3, 0L));
    assertThat(stored.get(3).hash()).isEqualTo(mth(0, 8));
    assertThat(CompactRange.appendLeaf(8, LEAVES.get(8), t.bounded(8))).hasSize(1);
    assertThatThrownBy(() -> CompactRange.appendLeaf(0, new byte[31], t))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsAreLogarithmic() {
    int[] reads = new int[1];
    HashReader counting =
        (level, index) -> {
          reads[0]++;
          return TREE.hash(level, index);
        };
    for (int size : new int[] {MAX, 1023, 777}) {
      reads[0] = 0;
      TreeMath.rootHash(size, counting);
      assertThat(reads[0]).isLessThanOrEqualTo(11);
      reads[0] = 0;
      TreeMath.inclusionProof(size / 3, size, counting);
      assertThat(reads[0]).isLessThanOrEqualTo(2 * 11);
      reads[0] = 0;
      TreeMath.consistencyProof(size / 3, size, counting);
      assertThat(reads[0]).isLessThanOrEqualTo(3 * 11);
    }
  }
}

package org.kimberlite.ledger;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Verification of RFC 9162 inclusion (section 2.1.3.2) and consistency (section 2.1.4.2) proofs.
 * Every failure, including malformed input (negative or out-of-range sizes, hashes that are not 32
 * bytes, proofs that are too short or too long), is a {@link ProofException}.
 */
public final class ProofVerifier {
  private ProofVerifier() {}

  /**
   * Verifies that {@code leafHash} is the leaf at {@code index} of the tree of size {@code size}
   * whose root is {@code root}.
   */
  public static void verifyInclusion(
      byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
    requireHash(root, "root hash");
    byte[] computed = rootFromInclusionProof(leafHash, index, size, proof);
    if (!MessageDigest.isEqual(computed, root)) {
      throw new ProofException(
          "inclusion proof for leaf "
              + index
              + " in tree of size "
              + size
              + " does not match root");
    }
  }

  /**
   * The root hash implied by an inclusion proof of {@code leafHash} at {@code index} in a tree of
   * {@code size} leaves. The result is only as trustworthy as the root it is compared with.
   */
  public static byte[] rootFromInclusionProof(
      byte[] leafHash, long index, long size, List<byte[]> proof) {
    if (index < 0) {
      throw new ProofException("leaf index is negative: " + index);
    }
    if (index >= size) {
      throw new ProofException("leaf index " + index + " is not below tree size " + size);
    }
    requireHash(leafHash, "leaf hash");
    requireHashes(proof);
    int expected = inclusionProofLength(index, size);
    if (proof.size() != expected) {
      throw new ProofException(
          "inclusion proof for leaf "
              + index
              + " in tree of size "
              + size
              + " must have "
              + expected
              + " hashes, got "
              + proof.size());
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0) {
        throw new ProofException("inclusion proof is too long");
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = Rfc6962.nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = Rfc6962.nodeHash(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new ProofException("inclusion proof is too short");
    }
    return r;
  }

  /**
   * Verifies that the tree of size {@code size2} and root {@code root2} extends the tree of size
   * {@code size1} and root {@code root1}.
   *
   * <p>Equal sizes require an empty proof and equal roots. A consistency check from the empty tree
   * ({@code size1 == 0}) is refused, also from 0 to 0: it proves nothing (every tree extends the
   * empty tree), so a caller that accepts an empty old tree must handle that case itself. This
   * follows the transparency-dev/merkle test vectors, which expect an error for every {@code size1
   * == 0} case.
   */
  public static void verifyConsistency(
      long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
    if (size1 < 0 || size2 < 0) {
      throw new ProofException("tree sizes must not be negative: " + size1 + ", " + size2);
    }
    if (size2 < size1) {
      throw new ProofException("size2 (" + size2 + ") is smaller than size1 (" + size1 + ")");
    }
    if (size1 == 0) {
      throw new ProofException("a consistency check from the empty tree proves nothing");
    }
    if (size1 == size2) {
      if (!proof.isEmpty()) {
        throw new ProofException("sizes are equal but the consistency proof is not empty");
      }
      if (!MessageDigest.isEqual(root1, root2)) {
        throw new ProofException("sizes are equal but the roots differ");
      }
      return;
    }
    if (proof.isEmpty()) {
      throw new ProofException("consistency proof is empty");
    }
    requireHash(root1, "root1");
    requireHash(root2, "root2");
    requireHashes(proof);
    int expected = consistencyProofLength(size1, size2);
    if (proof.size() != expected) {
      throw new ProofException(
          "consistency proof from "
              + size1
              + " to "
              + size2
              + " must have "
              + expected
              + " hashes, got "
              + proof.size());
    }
    List<byte[]> path = new ArrayList<>(proof.size() + 1);
    if (Long.bitCount(size1) == 1) {
      path.add(root1);
    }
    path.addAll(proof);
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (int i = 1; i < path.size(); i++) {
      byte[] c = path.get(i);
      if (sn == 0) {
        throw new ProofException("consistency proof is too long");
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = Rfc6962.nodeHash(c, fr);
        sr = Rfc6962.nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        sr = Rfc6962.nodeHash(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new ProofException("consistency proof is too short");
    }
    if (!MessageDigest.isEqual(fr, root1)) {
      throw new ProofException("consistency proof does not match root1 (size " + size1 + ")");
    }
    if (!MessageDigest.isEqual(sr, root2)) {
      throw new ProofException("consistency proof does not match root2 (size " + size2 + ")");
    }
  }

  /** Number of hashes in PATH(index, D[0:size]) for {@code 0 <= index < size}. */
  static int inclusionProofLength(long index, long size) {
    int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    int border = inner >= 64 ? 0 : Long.bitCount(index >>> inner);
    return inner + border;
  }

  /** Number of hashes in PROOF(size1, D[0:size2]) for {@code 0 < size1 < size2}. */
  static int consistencyProofLength(long size1, long size2) {
    int shift = Long.numberOfTrailingZeros(size1);
    long index = (size1 - 1) >>> shift;
    long size = ((size2 - 1) >>> shift) + 1;
    int seed = (size1 == (1L << shift)) ? 0 : 1;
    return seed + inclusionProofLength(index, size);
  }

  private static void requireHash(byte[] h, String what) {
    if (h == null || h.length != Rfc6962.HASH_SIZE) {
      throw new ProofException(
          what + " must be 32 bytes, got " + (h == null ? "null" : h.length + " bytes"));
    }
  }

  private static void requireHashes(List<byte[]> proof) {
    for (int i = 0; i < proof.size(); i++) {
      requireHash(proof.get(i), "proof hash " + i);
    }
  }
}

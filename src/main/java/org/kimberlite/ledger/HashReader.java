package org.kimberlite.ledger;

/**
 * Read access to the stored hashes of complete subtrees of a Merkle tree.
 *
 * <p>{@code hash(level, index)} returns the RFC 6962 Merkle Tree Hash of the complete subtree of
 * height {@code level} whose leaves are {@code [index * 2^level, (index + 1) * 2^level)}. Level 0
 * holds the leaf hashes. Implementations may throw (any unchecked exception) when a hash is not
 * available; the algorithms in this package only ask for subtrees that are complete in the tree
 * they work on.
 */
@FunctionalInterface
public interface HashReader {
  /** The 32-byte hash of the complete subtree at {@code level} (height) and {@code index}. */
  byte[] hash(int level, long index);
}

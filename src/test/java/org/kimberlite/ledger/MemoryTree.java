package org.kimberlite.ledger;

import java.util.ArrayList;
import java.util.List;

/** An in-memory store of complete-subtree hashes, filled through {@link CompactRange}. */
final class MemoryTree implements HashReader {
  private final List<List<byte[]>> levels = new ArrayList<>();
  private long size;

  long size() {
    return size;
  }

  void appendEntry(byte[] entry) {
    appendLeafHash(Rfc6962.leafHash(entry));
  }

  void appendLeafHash(byte[] leafHash) {
    long index = size;
    // The append may only read subtrees that were complete before this leaf.
    List<StoredHash> stored = CompactRange.appendLeaf(index, leafHash, bounded(index));
    for (StoredHash s : stored) {
      while (levels.size() <= s.level()) {
        levels.add(new ArrayList<>());
      }
      List<byte[]> level = levels.get(s.level());
      if (level.size() != s.index()) {
        throw new AssertionError("stored hash out of order: " + s);
      }
      level.add(s.hash());
    }
    size++;
  }

  @Override
  public byte[] hash(int level, long index) {
    if (level >= levels.size() || index < 0 || index >= levels.get(level).size()) {
      throw new IllegalStateException("no stored hash at level " + level + ", index " + index);
    }
    return levels.get(level).get((int) index).clone();
  }

  /** A reader that refuses every subtree not complete within the first {@code treeSize} leaves. */
  HashReader bounded(long treeSize) {
    return (level, index) -> {
      if (level < 0 || level > 62 || index < 0 || (index + 1) << level > treeSize) {
        throw new AssertionError(
            "read outside the tree of size " + treeSize + ": level " + level + ", index " + index);
      }
      return hash(level, index);
    };
  }

  static MemoryTree of(List<byte[]> leafHashes) {
    MemoryTree t = new MemoryTree();
    leafHashes.forEach(t::appendLeafHash);
    return t;
  }
}

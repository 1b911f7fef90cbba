package org.kimberlite.ledger;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads stored hashes of a tree of a known size from its C2SP tiles, as a client of the log does: a
 * hash at level {@code l} comes from the tile at level {@code l / 8}, hashing {@code 2^(l % 8)} of
 * its hashes together. Tiles are fetched through {@code fetch} once each. Nothing read here is
 * trusted by itself: proofs built from it are checked against signed roots.
 */
public final class TileHashReader implements HashReader {
  private final long treeSize;
  private final Function<TilePath, byte[]> fetch;
  private final Map<TilePath, byte[]> tiles = new HashMap<>();

  public TileHashReader(long treeSize, Function<TilePath, byte[]> fetch) {
    this.treeSize = treeSize;
    this.fetch = fetch;
  }

  @Override
  public byte[] hash(int level, long index) {
    if (level < 0 || level > 63 || index < 0) {
      throw new IllegalArgumentException("No stored hash at level " + level + " index " + index);
    }
    int tileLevel = level / Tiles.HEIGHT;
    int sub = level % Tiles.HEIGHT;
    int count = 1 << sub;
    long first; // the first hash of the tile level that the subtree spans
    try {
      first = Math.multiplyExact(index, (long) count);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("Index " + index + " is out of range", e);
    }
    if (first > (treeSize >>> (tileLevel * Tiles.HEIGHT)) - count) {
      throw new IllegalArgumentException(
          "A tree of size " + treeSize + " has no complete subtree at " + level + "/" + index);
    }
    long tileIndex = first / Tiles.WIDTH;
    long available = (treeSize >>> (tileLevel * Tiles.HEIGHT)) - tileIndex * Tiles.WIDTH;
    int width = (int) Math.min(Tiles.WIDTH, available);
    TilePath path = new TilePath(tileLevel, tileIndex, width, false);
    byte[] tile = tiles.computeIfAbsent(path, this::load);
    int offset = (int) (first - tileIndex * Tiles.WIDTH);
    byte[][] hashes = new byte[count][];
    for (int i = 0; i < count; i++) {
      int at = (offset + i) * Rfc6962.HASH_SIZE;
      hashes[i] = Arrays.copyOfRange(tile, at, at + Rfc6962.HASH_SIZE);
    }
    for (int n = count; n > 1; n /= 2) {
      for (int i = 0; i < n / 2; i++) {
        hashes[i] = Rfc6962.nodeHash(hashes[2 * i], hashes[2 * i + 1]);
      }
    }
    return hashes[0];
  }

  private byte[] load(TilePath path) {
    byte[] data = fetch.apply(path);
    if (data.length != path.width() * Rfc6962.HASH_SIZE) {
      throw new LogFormatException(
          "Tile " + path.path() + " has " + data.length + " bytes, expected " + path.width() * 32);
    }
    return data;
  }
}

package org.kimberlite.ledger;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * C2SP tlog-tiles (https://c2sp.org/tlog-tiles): tiles of 256 hashes, 8 tree levels high, and entry
 * bundles.
 *
 * <p>Hash tile {@code n} at tile level {@code l} holds the stored hashes at tree level {@code 8 *
 * l}, indexes {@code n * 256 .. n * 256 + width - 1}: hash {@code i} is MTH(D[(n * 256 + i) * 256^l
 * : (n * 256 + i + 1) * 256^l]).
 */
public final class Tiles {
  /** Tree levels per tile. */
  public static final int HEIGHT = 8;

  /** Hashes (or entries) in a full tile. */
  public static final int WIDTH = 256;

  /** Largest entry an entry bundle can hold (uint16 length prefix). */
  public static final int MAX_ENTRY_SIZE = 0xFFFF;

  private Tiles() {}

  /** The tile's contents: its {@code width} 32-byte hashes, concatenated. */
  public static byte[] tileData(TilePath t, HashReader r) {
    if (t.entries()) {
      throw new IllegalArgumentException("an entry bundle is not a hash tile: " + t.path());
    }
    if (endLeaf(t) < 0) {
      throw new IllegalArgumentException("tile lies beyond any possible tree: " + t.path());
    }
    int level = HEIGHT * t.level();
    long first = t.index() * WIDTH;
    byte[] out = new byte[t.width() * Rfc6962.HASH_SIZE];
    for (int i = 0; i < t.width(); i++) {
      byte[] h = TreeMath.read(r, level, first + i);
      System.arraycopy(h, 0, out, i * Rfc6962.HASH_SIZE, Rfc6962.HASH_SIZE);
    }
    return out;
  }

  /**
   * Whether a tree of {@code treeSize} leaves covers the tile completely, so that its data can be
   * produced: {@code (index * 256 + width) * 256^level <= treeSize}. A partial tile is covered by
   * every tree at least as large as the one that first completed its width; the tile that a log
   * must serve for a given size is given by {@link #partialTiles(long)}.
   */
  public static boolean exists(TilePath t, long treeSize) {
    if (treeSize < 0) {
      throw new IllegalArgumentException("tree size is negative: " + treeSize);
    }
    long end = endLeaf(t);
    return end >= 0 && end <= treeSize;
  }

  /** The leaf count needed to cover the tile, or -1 if it does not fit in a signed 64-bit size. */
  private static long endLeaf(TilePath t) {
    try {
      long hashes = Math.addExact(Math.multiplyExact(t.index(), (long) WIDTH), t.width());
      int shift = HEIGHT * t.level();
      if (shift >= 63 || hashes > (Long.MAX_VALUE >>> shift)) {
        return -1;
      }
      return hashes << shift;
    } catch (ArithmeticException overflow) {
      return -1;
    }
  }

  /**
   * The partial tiles of a tree of {@code treeSize} leaves, lowest level first, then the partial
   * entry bundle: at level {@code l} the tile has width {@code floor(s / 256^l) mod 256} (none when
   * that is 0). For 70,000 leaves: {@code tile/0/273.p/112}, {@code tile/1/001.p/17}, {@code
   * tile/2/000.p/1} and {@code tile/entries/273.p/112}.
   */
  public static List<TilePath> partialTiles(long treeSize) {
    if (treeSize < 0) {
      throw new IllegalArgumentException("tree size is negative: " + treeSize);
    }
    List<TilePath> out = new ArrayList<>();
    long s = treeSize;
    for (int level = 0; s > 0; level++) {
      int width = (int) (s % WIDTH);
      if (width > 0) {
        out.add(new TilePath(level, s / WIDTH, width, false));
      }
      s /= WIDTH;
    }
    if (treeSize % WIDTH != 0) {
      out.add(new TilePath(0, treeSize / WIDTH, (int) (treeSize % WIDTH), true));
    }
    return out;
  }

  /**
   * An entry bundle: each entry as a big-endian uint16 length followed by its bytes.
   *
   * @throws IllegalArgumentException for no entries, more than 256, or an entry over 65535 bytes
   */
  public static byte[] entryBundle(List<byte[]> entries) {
    if (entries.isEmpty() || entries.size() > WIDTH) {
      throw new IllegalArgumentException(
          "an entry bundle holds 1..256 entries, got " + entries.size());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < entries.size(); i++) {
      byte[] e = entries.get(i);
      if (e.length > MAX_ENTRY_SIZE) {
        throw new IllegalArgumentException(
            "entry " + i + " is " + e.length + " bytes, the most a bundle holds is 65535");
      }
      out.write(e.length >>> 8);
      out.write(e.length & 0xFF);
      out.write(e, 0, e.length);
    }
    return out.toByteArray();
  }

  /**
   * Parses an entry bundle; a truncated length or entry, an empty bundle or more than 256 entries
   * is a {@link LogFormatException}. The caller checks the count against the tile width it asked
   * for.
   */
  public static List<byte[]> parseEntryBundle(byte[] bundle) {
    if (bundle.length == 0) {
      throw new LogFormatException("entry bundle is empty");
    }
    List<byte[]> out = new ArrayList<>();
    int pos = 0;
    while (pos < bundle.length) {
      if (out.size() == WIDTH) {
        throw new LogFormatException("entry bundle holds more than 256 entries");
      }
      if (bundle.length - pos < 2) {
        throw new LogFormatException("entry bundle ends inside a length prefix at byte " + pos);
      }
      int len = ((bundle[pos] & 0xFF) << 8) | (bundle[pos + 1] & 0xFF);
      pos += 2;
      if (bundle.length - pos < len) {
        throw new LogFormatException(
            "entry " + out.size() + " of the bundle is truncated: needs " + len + " bytes");
      }
      byte[] e = new byte[len];
      System.arraycopy(bundle, pos, e, 0, len);
      out.add(e);
      pos += len;
    }
    return out;
  }
}

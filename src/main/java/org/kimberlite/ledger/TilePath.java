package org.kimberlite.ledger;

/**
 * The path of a C2SP tlog-tiles resource, relative to the log prefix and without a leading slash:
 * {@code tile/<L>/<N>[.p/<W>]} for a Merkle tree tile or {@code tile/entries/<N>[.p/<W>]} for an
 * entry bundle.
 *
 * @param level the tile level L, 0..63 (always 0 for entry bundles)
 * @param index the tile index N within its level
 * @param width the number of hashes or entries, 1..256; 256 is a full tile (no {@code .p/})
 * @param entries whether this is an entry bundle rather than a hash tile
 */
public record TilePath(int level, long index, int width, boolean entries) {
  private static final java.util.regex.Pattern SLASH = java.util.regex.Pattern.compile("/");

  public TilePath {
    if (level < 0 || level > 63) {
      throw new IllegalArgumentException("tile level must be 0..63, got " + level);
    }
    if (entries && level != 0) {
      throw new IllegalArgumentException("entry bundles have no level, got " + level);
    }
    if (index < 0) {
      throw new IllegalArgumentException("tile index is negative: " + index);
    }
    if (width < 1 || width > Tiles.WIDTH) {
      throw new IllegalArgumentException("tile width must be 1..256, got " + width);
    }
  }

  /** The full hash tile at {@code level} and {@code index}. */
  public static TilePath full(int level, long index) {
    return new TilePath(level, index, Tiles.WIDTH, false);
  }

  /** Whether the tile is partial (width below 256). */
  public boolean partial() {
    return width < Tiles.WIDTH;
  }

  /** The canonical path, e.g. {@code tile/0/x001/x234/067.p/8}. */
  public String path() {
    String l = entries ? "entries" : Integer.toString(level);
    String p = partial() ? ".p/" + width : "";
    return "tile/" + l + "/" + encodeIndex(index) + p;
  }

  @Override
  public String toString() {
    return path();
  }

  /**
   * Encodes a tile index as zero-padded 3-digit path elements, all but the last prefixed with
   * {@code x}, with the fewest elements: 5 is {@code 005}, 1000 is {@code x001/000}, 1234067 is
   * {@code x001/x234/067}.
   */
  public static String encodeIndex(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("tile index is negative: " + n);
    }
    String s = String.format(java.util.Locale.ROOT, "%03d", n % 1000);
    n /= 1000;
    while (n > 0) {
      s = String.format(java.util.Locale.ROOT, "x%03d/", n % 1000) + s;
      n /= 1000;
    }
    return s;
  }

  /**
   * Parses a tile path. Accepted are exactly the canonical forms produced by {@link #path()}: the
   * level without leading zeros (0..63) or {@code entries}; the index in 3-digit elements with the
   * fewest elements (so {@code x000/005} is refused, as Go's {@code tlog.ParseTilePath} refuses
   * every path that does not format back to itself); an optional {@code .p/<W>} with W 1..255
   * without leading zeros. Anything else (signs, non-ASCII digits, empty or trailing elements,
   * overflow) is a {@link LogFormatException}.
   */
  public static TilePath parse(String path) {
    String[] f = SLASH.split(path, -1);
    if (f.length < 3 || !f[0].equals("tile")) {
      throw bad(path, "expected tile/<L>/<N>[.p/<W>]");
    }
    boolean entries = f[1].equals("entries");
    int level = 0;
    if (!entries) {
      if (f[1].length() > 2) {
        throw bad(path, "level must be 0..63");
      }
      level = (int) number(path, f[1], "level");
      if (level > 63) {
        throw bad(path, "level must be 0..63");
      }
    }
    int last = f.length - 1;
    int width = Tiles.WIDTH;
    if (f.length >= 4 && f[last - 1].endsWith(".p")) {
      if (f[last].length() > 3) {
        throw bad(path, "width must be 1..255");
      }
      width = (int) number(path, f[last], "width");
      if (width < 1 || width > 255) {
        throw bad(path, "width must be 1..255");
      }
      f[last - 1] = f[last - 1].substring(0, f[last - 1].length() - 2);
      last--;
    }
    int elements = last - 1;
    if (elements > 7) {
      throw bad(path, "index has too many elements");
    }
    long index = 0;
    for (int i = 2; i <= last; i++) {
      String e = f[i];
      boolean isLast = i == last;
      if (!isLast) {
        if (!e.startsWith("x")) {
          throw bad(path, "index element " + Codec.quote(e) + " must start with x");
        }
        e = e.substring(1);
      }
      if (e.length() != 3 || !digits(e)) {
        throw bad(path, "index element " + Codec.quote(f[i]) + " must be 3 digits");
      }
      try {
        index = Math.addExact(Math.multiplyExact(index, 1000L), Integer.parseInt(e));
      } catch (ArithmeticException overflow) {
        throw bad(path, "index is too large");
      }
    }
    TilePath t = new TilePath(level, index, width, entries);
    if (!t.path().equals(path)) {
      throw bad(path, "not in canonical form (expected " + t.path() + ")");
    }
    return t;
  }

  private static long number(String path, String s, String what) {
    if (s.isEmpty() || !digits(s)) {
      throw bad(path, what + " is not a decimal number");
    }
    if (s.length() > 1 && s.charAt(0) == '0') {
      throw bad(path, what + " has a leading zero");
    }
    return Long.parseLong(s);
  }

  private static boolean digits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static LogFormatException bad(String path, String why) {
    return new LogFormatException("invalid tile path " + Codec.quote(path) + ": " + why);
  }
}

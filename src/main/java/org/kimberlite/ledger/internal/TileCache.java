package org.kimberlite.ledger.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Tiles already served, kept in memory, least recently used first out. A tile path names bytes that
 * never change (a partial tile's path carries its width), and a log only grows, so a tile once read
 * is served again without asking the database, whoever signed the checkpoint since.
 */
@Component
public class TileCache {
  /** Bytes of tile bodies kept at most. */
  static final long BUDGET = 64L * 1024 * 1024;

  private final long budget;
  private long bytes;
  private final LinkedHashMap<String, byte[]> tiles = new LinkedHashMap<>(256, 0.75f, true);

  public TileCache() {
    this(BUDGET);
  }

  TileCache(long budget) {
    this.budget = budget;
  }

  /** The body of the tile at {@code path}, if it was kept. */
  public synchronized byte @Nullable [] get(String path) {
    return tiles.get(path);
  }

  /**
   * Keeps the body of the tile at {@code path}, letting the least recently used go beyond budget.
   */
  public synchronized void put(String path, byte[] body) {
    if (body.length > budget) {
      return;
    }
    byte[] old = tiles.put(path, body);
    bytes += body.length - (old == null ? 0 : old.length);
    var it = tiles.entrySet().iterator();
    while (bytes > budget && it.hasNext()) {
      Map.Entry<String, byte[]> eldest = it.next();
      bytes -= eldest.getValue().length;
      it.remove();
    }
  }

  synchronized long bytes() {
    return bytes;
  }

  synchronized int size() {
    return tiles.size();
  }
}

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
  private final LinkedHashMap<String, KeptBody> tiles = new LinkedHashMap<>(256, 0.75f, true);

  public TileCache() {
    this(BUDGET);
  }

  TileCache(long budget) {
    this.budget = budget;
  }

  /** The body of the tile at {@code path}, if it was kept. */
  public byte @Nullable [] get(String path) {
    KeptBody kept = kept(path);
    return kept == null ? null : kept.body();
  }

  /** The body of the tile at {@code path} with its entity tag, if it was kept. */
  public synchronized @Nullable KeptBody kept(String path) {
    return tiles.get(path);
  }

  /**
   * Keeps the body of the tile at {@code path}, letting the least recently used go beyond budget.
   */
  public void put(String path, byte[] body) {
    if (body.length > budget) {
      return;
    }
    keep(path, KeptBody.of(body));
  }

  private synchronized void keep(String path, KeptBody kept) {
    byte[] body = kept.body();
    KeptBody old = tiles.put(path, kept);
    bytes += body.length - (old == null ? 0 : old.body().length);
    var it = tiles.entrySet().iterator();
    while (bytes > budget && it.hasNext()) {
      Map.Entry<String, KeptBody> eldest = it.next();
      bytes -= eldest.getValue().body().length;
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

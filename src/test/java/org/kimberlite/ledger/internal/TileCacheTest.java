package org.kimberlite.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TileCacheTest {

  @Test
  void keepsTilesUpToItsBudgetAndLetsTheLeastRecentlyUsedGo() {
    TileCache cache = new TileCache(100);
    cache.put("tile/0/000", new byte[40]);
    cache.put("tile/0/001", new byte[40]);
    assertThat(cache.get("tile/0/000")).hasSize(40); // now the most recently used
    cache.put("tile/0/002", new byte[20]); // exactly at the budget: nothing goes
    assertThat(cache.bytes()).isEqualTo(100);
    assertThat(cache.size()).isEqualTo(3);
    cache.put("tile/0/003", new byte[1]); // one byte over: the least recently used goes
    assertThat(cache.get("tile/0/001")).isNull();
    assertThat(cache.get("tile/0/000")).isNotNull();
    assertThat(cache.bytes()).isEqualTo(61);
  }

  @Test
  void aBodyLargerThanTheBudgetIsNotKeptAndKeepingTheSamePathAgainCountsOnce() {
    TileCache cache = new TileCache(100);
    cache.put("tile/entries/000", new byte[101]);
    assertThat(cache.get("tile/entries/000")).isNull();
    assertThat(cache.bytes()).isZero();
    cache.put("tile/0/000", new byte[30]);
    cache.put("tile/0/000", new byte[30]);
    assertThat(cache.bytes()).isEqualTo(30);
    assertThat(cache.size()).isEqualTo(1);
  }
}

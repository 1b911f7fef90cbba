package org.kimberlite.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Hashes read back from tiles equal the stored hashes of the tree the tiles were cut from. */
class TileHashReaderTest {

  static Map<String, byte[]> tree(int size) {
    Map<String, byte[]> nodes = new HashMap<>();
    HashReader memory = (level, index) -> nodes.get(level + "/" + index);
    for (int i = 0; i < size; i++) {
      byte[] leaf = Rfc6962.leafHash(ByteBuffer.allocate(4).putInt(i).array());
      for (StoredHash h : CompactRange.appendLeaf(i, leaf, memory)) {
        nodes.put(h.level() + "/" + h.index(), h.hash());
      }
    }
    return nodes;
  }

  @Test
  void everyCompleteSubtreeReadsBackFromTheTiles() {
    int size = 70_000; // full and partial tiles on levels 0, 1 and 2
    Map<String, byte[]> nodes = tree(size);
    HashReader memory = (level, index) -> nodes.get(level + "/" + index);
    AtomicInteger fetches = new AtomicInteger();
    TileHashReader tiles =
        new TileHashReader(
            size,
            path -> {
              fetches.incrementAndGet();
              return Tiles.tileData(path, memory);
            });
    Random random = new Random(7);
    for (int n = 0; n < 2_000; n++) {
      int level = random.nextInt(17);
      long count = (long) size >> level;
      if (count == 0) {
        continue;
      }
      long index = (long) (random.nextDouble() * count);
      assertThat(tiles.hash(level, index)).isEqualTo(memory.hash(level, index));
    }
    assertThat(fetches.get()).isLessThan(2_000); // tiles are fetched once each
    for (long m : new long[] {1, 255, 256, 257, 65_536, 69_999}) {
      assertThat(TreeMath.consistencyProof(m, size, tiles))
          .containsExactlyElementsOf(TreeMath.consistencyProof(m, size, memory));
    }
    assertThat(TreeMath.rootHash(size, tiles)).isEqualTo(TreeMath.rootHash(size, memory));
  }

  @Test
  void subtreesBeyondTheTreeAreRefused() {
    Map<String, byte[]> nodes = tree(300);
    HashReader memory = (level, index) -> nodes.get(level + "/" + index);
    TileHashReader tiles = new TileHashReader(300, path -> Tiles.tileData(path, memory));
    assertThatThrownBy(() -> tiles.hash(0, 300)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tiles.hash(8, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tiles.hash(2, Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(tiles.hash(8, 0)).isEqualTo(memory.hash(8, 0));
  }

  @Test
  void aTileOfTheWrongLengthIsRefused() {
    TileHashReader tiles = new TileHashReader(10, path -> new byte[31]);
    assertThatThrownBy(() -> tiles.hash(0, 0)).isInstanceOf(LogFormatException.class);
  }
}

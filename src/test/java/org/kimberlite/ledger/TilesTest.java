package org.kimberlite.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TilesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tile/0/000",
        "tile/0/005",
        "tile/0/x001/x234/067",
        "tile/0/x001/x234/067.p/8",
        "tile/entries/000.p/1",
        "tile/entries/x001/000",
        "tile/63/000",
        "tile/1/999",
        "tile/2/x001/000.p/255",
        "tile/0/x009/x223/x372/x036/x854/x775/807"
      })
  void validPathsRoundTrip(String path) {
    TilePath t = TilePath.parse(path);
    assertThat(t.path()).isEqualTo(path);
    assertThat(new TilePath(t.level(), t.index(), t.width(), t.entries())).isEqualTo(t);
  }

  @Test
  void parsedFields() {
    assertThat(TilePath.parse("tile/0/x001/x234/067"))
        .isEqualTo(new TilePath(0, 1234067, 256, false));
    assertThat(TilePath.parse("tile/entries/000.p/1")).isEqualTo(new TilePath(0, 0, 1, true));
    assertThat(TilePath.parse("tile/63/000")).isEqualTo(new TilePath(63, 0, 256, false));
    assertThat(TilePath.parse("tile/5/x001/000.p/17")).isEqualTo(new TilePath(5, 1000, 17, false));
    assertThat(TilePath.parse("tile/0/x009/x223/x372/x036/x854/x775/807").index())
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void encodeIndex() {
    assertThat(TilePath.encodeIndex(0)).isEqualTo("000");
    assertThat(TilePath.encodeIndex(5)).isEqualTo("005");
    assertThat(TilePath.encodeIndex(999)).isEqualTo("999");
    assertThat(TilePath.encodeIndex(1000)).isEqualTo("x001/000");
    assertThat(TilePath.encodeIndex(1234067)).isEqualTo("x001/x234/067");
    assertThat(TilePath.encodeIndex(Long.MAX_VALUE)).isEqualTo("x009/x223/x372/x036/x854/x775/807");
    assertThatThrownBy(() -> TilePath.encodeIndex(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "tile",
        "tile/",
        "tile/0",
        "tile/0/",
        "/tile/0/000",
        "tile/0/000/",
        "tile/00/000",
        "tile/01/000",
        "tile/64/000",
        "tile/100/000",
        "tile/-1/000",
        "tile/+1/000",
        "tile/a/000",
        "tile/data/000",
        "tile/entries/1/000",
        "tile/0/5",
        "tile/0/05",
        "tile/0/0005",
        "tile/0/-01",
        "tile/0/00a",
        "tile/0/x000/005",
        "tile/0/x001/x000",
        "tile/0/001/000",
        "tile/0/x001",
        "tile/0/x1/000",
        "tile/0/xx01/000",
        "tile/0/x0001/000",
        "tile/0/000.p/256",
        "tile/0/000.p/0",
        "tile/0/000.p/01",
        "tile/0/000.p/-1",
        "tile/0/000.p/",
        "tile/0/000.p",
        "tile/0/.p/5",
        "tile/0/000.p/5/",
        "tile/0/000.p/5.p/5",
        "tile/0/000/.p/5",
        "tile/0/x009/x223/x372/x036/x854/x775/808",
        "tile/0/x001/x009/x223/x372/x036/x854/x775/807",
        "tile/0/x999/x999/x999/x999/x999/x999/x999/999",
        "tile/0/\u0661\u0662\u0663",
        "tile/0/000 ",
        "Tile/0/000",
        "tile//000"
      })
  void invalidPathsAreRefused(String path) {
    assertThatThrownBy(() -> TilePath.parse(path)).isInstanceOf(LogFormatException.class);
  }

  @Test
  void constructorRefusesImpossibleTiles() {
    assertThatThrownBy(() -> new TilePath(64, 0, 256, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TilePath(0, -1, 256, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TilePath(0, 0, 0, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TilePath(0, 0, 257, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TilePath(1, 0, 256, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSpecExampleOfATreeOf70000() {
    long size = 70_000;
    // 273 full level-0 tiles (0..272), then a partial one of width 112.
    assertThat(Tiles.exists(TilePath.parse("tile/0/000"), size)).isTrue();
    assertThat(Tiles.exists(TilePath.parse("tile/0/272"), size)).isTrue();
    assertThat(Tiles.exists(TilePath.parse("tile/0/273"), size)).isFalse();
    assertThat(Tiles.exists(TilePath.parse("tile/0/273.p/112"), size)).isTrue();
    assertThat(Tiles.exists(TilePath.parse("tile/0/273.p/113"), size)).isFalse();
    assertThat(Tiles.exists(TilePath.parse("tile/entries/272"), size)).isTrue();
    assertThat(Tiles.exists(TilePath.parse("tile/entries/273.p/112"), size)).isTrue();
    assertThat(Tiles.exists(TilePath.parse("tile/entries/273"), size)).isFalse();
    // One full level-1 tile, then a partial one of width 17.
    assertThat(Tiles.exists(TilePath.parse("tile/1/000"), size)).isTrue();
    assertThat(Tiles.exists(TilePath.parse("tile/1/001"), size)).isFalse();
    assertThat(Tiles.exists(TilePath.parse("tile/1/001.p/17"), size)).isTrue();
    assertThat(Tiles.exists(TilePath.parse("tile/1/001.p/18"), size)).isFalse();
    // A partial level-2 tile of width 1, and nothing above.
    assertThat(Tiles.exists(TilePath.parse("tile/2/000.p/1"), size)).isTrue();
    assertThat(Tiles.exists(TilePath.parse("tile/2/000.p/2"), size)).isFalse();
    assertThat(Tiles.exists(TilePath.parse("tile/3/000.p/1"), size)).isFalse();
    assertThat(Tiles.exists(TilePath.parse("tile/63/000.p/1"), size)).isFalse();
    assertThat(Tiles.exists(TilePath.parse("tile/0/x009/x223/x372/x036/x854/x775/807"), size))
        .isFalse();
    assertThat(Tiles.exists(TilePath.parse("tile/7/000.p/127"), Long.MAX_VALUE)).isTrue();
    assertThat(Tiles.exists(TilePath.parse("tile/7/000.p/128"), Long.MAX_VALUE)).isFalse();

    int full = 0;
    for (int n = 0; n < 400; n++) {
      if (Tiles.exists(TilePath.full(0, n), size)) {
        full++;
      }
    }
    assertThat(full).isEqualTo(273);
    assertThat(Tiles.partialTiles(size))
        .extracting(TilePath::path)
        .containsExactly(
            "tile/0/273.p/112", "tile/1/001.p/17", "tile/2/000.p/1", "tile/entries/273.p/112");
    // "a tree of size 256 will be represented by a full level 0 tile and a partial level 1 tile"
    assertThat(Tiles.partialTiles(256))
        .extracting(TilePath::path)
        .containsExactly("tile/1/000.p/1");
    assertThat(Tiles.partialTiles(0)).isEmpty();
  }

  @Test
  void tileDataConcatenatesStoredHashes() {
    MemoryTree tree = new MemoryTree();
    for (int i = 0; i < 600; i++) {
      tree.appendEntry(("entry " + i).getBytes(StandardCharsets.UTF_8));
    }
    byte[] tile0 = Tiles.tileData(TilePath.full(0, 0), tree);
    assertThat(tile0).hasSize(8192);
    assertThat(Arrays.copyOfRange(tile0, 32 * 7, 32 * 8)).isEqualTo(tree.hash(0, 7));
    byte[] partial = Tiles.tileData(TilePath.parse("tile/0/002.p/88"), tree);
    assertThat(partial).hasSize(88 * 32);
    assertThat(Arrays.copyOfRange(partial, 32 * 87, 32 * 88)).isEqualTo(tree.hash(0, 599));
    byte[] level1 = Tiles.tileData(TilePath.parse("tile/1/000.p/2"), tree);
    assertThat(Arrays.copyOfRange(level1, 0, 32)).isEqualTo(TreeMath.rootHash(256, tree));
    assertThat(Arrays.copyOfRange(level1, 32, 64)).isEqualTo(tree.hash(8, 1));
    assertThat(
            Rfc6962.nodeHash(Arrays.copyOfRange(level1, 0, 32), Arrays.copyOfRange(level1, 32, 64)))
        .isEqualTo(TreeMath.rootHash(512, tree));
    assertThatThrownBy(() -> Tiles.tileData(TilePath.parse("tile/entries/000"), tree))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tiles.tileData(TilePath.parse("tile/8/000.p/1"), tree))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void entryBundlesRoundTrip() {
    List<byte[]> entries = new ArrayList<>();
    entries.add(new byte[0]);
    entries.add("hello".getBytes(StandardCharsets.UTF_8));
    entries.add(new byte[65535]);
    byte[] bundle = Tiles.entryBundle(entries);
    assertThat(bundle).hasSize(2 + 2 + 5 + 2 + 65535);
    assertThat(Arrays.copyOfRange(bundle, 2, 9)).containsExactly(0, 5, 'h', 'e', 'l', 'l', 'o');
    assertThat(Tiles.parseEntryBundle(bundle)).containsExactlyElementsOf(entries);

    List<byte[]> full = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      full.add(new byte[] {(byte) i});
    }
    assertThat(Tiles.parseEntryBundle(Tiles.entryBundle(full))).hasSize(256);
  }

  @Test
  void malformedEntryBundlesAreRefused() {
    assertThatThrownBy(() -> Tiles.entryBundle(List.of(new byte[65536])))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tiles.entryBundle(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    List<byte[]> tooMany = new ArrayList<>();
    for (int i = 0; i < 257; i++) {
      tooMany.add(new byte[0]);
    }
    assertThatThrownBy(() -> Tiles.entryBundle(tooMany))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] many = new byte[257 * 2];
    assertThatThrownBy(() -> Tiles.parseEntryBundle(many)).isInstanceOf(LogFormatException.class);
    assertThatThrownBy(() -> Tiles.parseEntryBundle(new byte[0]))
        .isInstanceOf(LogFormatException.class);
    assertThatThrownBy(() -> Tiles.parseEntryBundle(new byte[] {0}))
        .isInstanceOf(LogFormatException.class);
    assertThatThrownBy(() -> Tiles.parseEntryBundle(new byte[] {0, 3, 1, 2}))
        .isInstanceOf(LogFormatException.class);
    assertThatThrownBy(() -> Tiles.parseEntryBundle(new byte[] {0, 1, 1, 0}))
        .isInstanceOf(LogFormatException.class);
  }
}

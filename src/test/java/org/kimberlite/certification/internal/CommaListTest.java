package org.kimberlite.certification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommaListTest {
  @Test
  void joinsAndSplitsBackTheSameItems() {
    assertThat(CommaList.split(CommaList.join(List.of("BW", "ZA", "CD"))))
        .containsExactly("BW", "ZA", "CD");
    assertThat(CommaList.split(CommaList.join(List.of()))).isEmpty();
    assertThat(CommaList.split(null)).isEmpty();
    assertThat(CommaList.split(" BW , ,ZA,")).containsExactly("BW", "ZA");
  }

  @Test
  void refusesAnItemThatWouldCorruptTheColumn() {
    assertThatThrownBy(() -> CommaList.join(List.of("BW,ZA")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CommaList.join(List.of(" ")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void valueReferencesAreReadAsCsvWithCommentsAndHeader() throws Exception {
    var refs =
        ValueReferences.read(
            new StringReader(
                "# source, with a comma\ncode,usd_per_carat,carats\nBW,191.76,24510000\n\n\"WORLD\",120.5,1\n"));
    assertThat(refs).containsOnlyKeys("BW", "WORLD");
    assertThat(refs.get("BW").value()).isEqualByComparingTo("191.76");
  }
}

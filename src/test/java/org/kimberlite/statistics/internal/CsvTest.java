package org.kimberlite.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void aFieldWithACommaAQuoteAndALineBreakRoundTrips() {
    String tricky = "Côte d'Ivoire, \"the Ivory Coast\"\nsecond line\r\nthird";
    String csv =
        Csv.write(List.of("code", "name"), List.of(List.of("CI", tricky), List.of("BW", "")));
    assertThat(csv)
        .startsWith("code,name\n")
        .contains("\"Côte d'Ivoire, \"\"the Ivory Coast\"\"\nsecond line\r\nthird\"");
    Csv.Table table = Csv.read(new StringReader(csv));
    assertThat(table.records()).hasSize(2);
    assertThat(table.records().getFirst().get(table.column("name"))).isEqualTo(tricky);
    assertThat(table.records().get(1).get(table.column("code"))).isEqualTo("BW");
  }

  @Test
  void plainFiguresAreNotQuoted() {
    assertThat(Csv.write(List.of("a", "b"), List.of(List.of("2022", "121471000.00"))))
        .isEqualTo("a,b\n2022,121471000.00\n");
  }

  @Test
  void aMissingColumnOrAnUnterminatedQuoteIsRefused() {
    Csv.Table table = Csv.read(new StringReader("a,b\n1,2\n"));
    assertThatThrownBy(() -> table.column("c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no column 'c'");
    assertThatThrownBy(() -> Csv.read(new StringReader("a,b\n1,\"open\n")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

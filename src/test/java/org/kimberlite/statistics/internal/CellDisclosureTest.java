package org.kimberlite.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.statistics.TradeMatrix;

/** The public trade matrix shows a cell of exactly the minimum of certificates, not one fewer. */
class CellDisclosureTest {
  static final ParticipantCode BW = ParticipantCode.of("BW");

  static TradeMatrix.Cell cell(String importer, String carats, String usd, long certificates) {
    return new TradeMatrix.Cell(
        ParticipantCode.of(importer), Carats.of(carats), UsdAmount.of(usd), certificates);
  }

  static TradeMatrix full() {
    return new TradeMatrix(
        2026,
        true,
        3,
        List.of(
            TradeMatrix.Row.of(
                BW,
                List.of(
                    cell("AE", "10.00", "1000.00", 2),
                    cell("BE", "20.00", "2000.00", 3),
                    cell("CN", "5.50", "500.50", 1)),
                null),
            TradeMatrix.Row.of(
                ParticipantCode.of("ZA"), List.of(cell("BE", "1.00", "1.00", 4)), null)));
  }

  @Test
  void aCellOfTheMinimumIsShownAndOneOfFewerIsFoldedIntoOther() {
    TradeMatrix shown = new CellDisclosure(3).publish(full());
    assertThat(shown.complete()).isFalse();
    assertThat(shown.minCertificates()).isEqualTo(3);
    TradeMatrix.Row bw = shown.rows().getFirst();
    assertThat(bw.cells()).extracting(c -> c.importer().code()).containsExactly("BE");
    assertThat(bw.other())
        .isEqualTo(new TradeMatrix.Other(2, Carats.of("15.50"), UsdAmount.of("1500.50"), 3));
    // The row still adds up to everything BW exported.
    assertThat(bw.carats()).isEqualTo(full().rows().getFirst().carats());
    assertThat(bw.carats()).isEqualTo(Carats.of("35.50"));
    assertThat(bw.valueUsd()).isEqualTo(UsdAmount.of("3500.50"));
    TradeMatrix.Row za = shown.rows().get(1);
    assertThat(za.other()).isNull();
    assertThat(za.cells()).hasSize(1);
  }

  @Test
  void aMinimumOfOneShowsEverything() {
    TradeMatrix shown = new CellDisclosure(1).publish(full());
    assertThat(shown.complete()).isTrue();
    assertThat(shown.rows()).allMatch(r -> r.other() == null);
    assertThat(shown.rows().getFirst().cells()).hasSize(3);
  }

  @Test
  void theMinimumIsAtLeastOne() {
    assertThat(new CellDisclosure(3).shown(3)).isTrue();
    assertThat(new CellDisclosure(3).shown(2)).isFalse();
    assertThatThrownBy(() -> new CellDisclosure(0)).isInstanceOf(IllegalArgumentException.class);
  }
}

package org.kimberlite.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.shared.UsdPerCarat;

/** Totals, shares and USD per carat against figures computed by hand. */
class SummaryArithmeticTest {

  static Statistics.Figure f(String code, String carats, String value) {
    return new Statistics.Figure(code, code, Carats.of(carats), UsdAmount.of(value));
  }

  @Test
  void totalsSharesAndUsdPerCaratFollowTheRoundingRules() {
    Statistics.Section s =
        Statistics.section(
            List.of(f("AA", "1.00", "10.00"), f("BB", "2.00", "5.00"), f("CC", "0.00", "0.00")));
    // World: 3.00 carats, USD 15.00, USD 5.00 per carat.
    assertThat(s.carats().value()).isEqualByComparingTo("3.00");
    assertThat(s.valueUsd().value()).isEqualByComparingTo("15.00");
    assertThat(s.usdPerCarat()).isEqualTo(UsdPerCarat.of(new BigDecimal("5.00")));
    // Sorted by carats, largest first; shares 2/3 = 66.67 %, 1/3 = 33.33 % (half-even).
    assertThat(s.byParticipant())
        .extracting(Statistics.Line::participant)
        .containsExactly("BB", "AA", "CC");
    assertThat(s.byParticipant().get(0).share()).isEqualByComparingTo("66.67");
    assertThat(s.byParticipant().get(1).share()).isEqualByComparingTo("33.33");
    assertThat(s.byParticipant().get(2).share()).isEqualByComparingTo("0.00");
    // USD per carat: 5.00 / 2.00 = 2.50; 10.00 / 1.00 = 10.00; none for zero carats.
    assertThat(s.byParticipant().get(0).usdPerCarat())
        .isEqualTo(UsdPerCarat.of(new BigDecimal("2.50")));
    assertThat(s.byParticipant().get(1).usdPerCarat())
        .isEqualTo(UsdPerCarat.of(new BigDecimal("10.00")));
    assertThat(s.byParticipant().get(2).usdPerCarat()).isNull();
  }

  @Test
  void halfEvenRoundingOfUsdPerCarat() {
    // 0.125 rounds to 0.12 (half-even), 0.375 to 0.38.
    assertThat(Statistics.perCarat(UsdAmount.of("1.25"), Carats.of("10.00")).value())
        .isEqualByComparingTo("0.12");
    assertThat(Statistics.perCarat(UsdAmount.of("3.75"), Carats.of("10.00")).value())
        .isEqualByComparingTo("0.38");
    // Botswana 2022 as published: USD 4,700,000,000 for 24,510,000 carats = 191.7584... -> 191.76.
    assertThat(Statistics.perCarat(UsdAmount.of("4700000000.00"), Carats.of("24510000.00")).value())
        .isEqualByComparingTo("191.76");
  }

  @Test
  void anEmptySectionHasNoRatios() {
    Statistics.Section s = Statistics.section(List.of());
    assertThat(s.carats().value()).isEqualByComparingTo("0");
    assertThat(s.usdPerCarat()).isNull();
    assertThat(s.byParticipant()).isEmpty();
  }
}

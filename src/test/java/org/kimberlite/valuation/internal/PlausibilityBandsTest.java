package org.kimberlite.valuation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.shared.UsdPerCarat;
import org.kimberlite.valuation.Band;
import org.kimberlite.valuation.BandFigure;
import org.kimberlite.valuation.BandLookup;
import org.kimberlite.valuation.Factor;
import org.kimberlite.valuation.Flow;
import org.kimberlite.valuation.NoBand;

/** VAL-02 / KP-11: the band from trailing figures, and both sides of each end. */
class PlausibilityBandsTest {
  static final PlausibilityBands.Trailing TRAILING = new PlausibilityBands.Trailing(3, 8);
  static final Factor THREE = Factor.of("3");

  static BandFigure figure(String p, int year, long carats, long usd) {
    return new BandFigure(p, year, "production", Carats.of(carats), UsdAmount.of(usd));
  }

  static UsdPerCarat usd(String v) {
    return UsdPerCarat.of(new BigDecimal(v));
  }

  static Band band(List<BandFigure> figures, String on) {
    BandLookup b =
        PlausibilityBands.band(
            "BW", Flow.PRODUCER, LocalDate.parse(on), "BW", "production", figures, TRAILING, THREE);
    assertThat(b).isInstanceOf(Band.class);
    return (Band) b;
  }

  @Test
  void theCentreIsTotalValueOverTotalCaratsOfTheLatestCompleteYears() {
    Band b =
        band(
            List.of(
                figure("BW", 2019, 1, 1_000_000), // left out: a fourth year
                figure("BW", 2020, 100, 10_000),
                figure("BW", 2022, 100, 20_000),
                figure("BW", 2025, 200, 30_000),
                figure("BW", 2026, 1, 1_000_000)), // left out: the year of the date is not complete
            "2026-12-01");
    assertThat(b.centre()).isEqualTo(usd("150.00")); // 60,000 / 400
    assertThat(b.low()).isEqualTo(usd("50.00"));
    assertThat(b.high()).isEqualTo(usd("450.00"));
    assertThat(b.basis()).extracting(BandFigure::year).containsExactly(2020, 2022, 2025);
    assertThat(b.explanation())
        .contains("centre USD 150.00/ct", "2020, 2022 and 2025", "÷3 to ×3", "production of BW");
  }

  @Test
  void bothEndsBelongToTheBandAndACentBeyondDoesNot() {
    Band b = band(List.of(figure("BW", 2025, 3, 100)), "2026-01-01"); // centre 33.33
    assertThat(b.centre()).isEqualTo(usd("33.33"));
    assertThat(b.low()).isEqualTo(usd("11.11")); // 33.33 / 3 = 11.11
    assertThat(b.high()).isEqualTo(usd("99.99"));
    assertThat(b.contains(usd("11.10"))).isFalse();
    assertThat(b.contains(usd("11.11"))).isTrue();
    assertThat(b.contains(usd("99.99"))).isTrue();
    assertThat(b.contains(usd("100.00"))).isFalse();
  }

  @Test
  void theAcceptanceExamples() {
    Band drc = band(List.of(figure("CD", 2022, 10_780_000L, 77_000_000L)), "2026-12-01");
    assertThat(drc.centre()).isEqualTo(usd("7.14"));
    assertThat(drc.contains(usd("150.00"))).isFalse();
    assertThat(drc.contains(usd("10.00"))).isTrue();
    Band bw = band(List.of(figure("BW", 2022, 24_510_000L, 4_700_000_000L)), "2026-12-01");
    assertThat(bw.centre()).isEqualTo(usd("191.76"));
    assertThat(bw.contains(usd("8.00"))).isFalse();
    assertThat(bw.contains(usd("191.76"))).isTrue();
  }

  @Test
  void noFiguresInTheWindowIsNoBandWithTheReason() {
    BandLookup b =
        PlausibilityBands.band(
            "ZZ",
            Flow.TRADING,
            LocalDate.parse("2026-06-01"),
            "ZZ",
            "exports",
            List.of(new BandFigure("ZZ", 2010, "exports", Carats.of(5), UsdAmount.of(5))),
            TRAILING,
            THREE);
    assertThat(b)
        .isEqualTo(new NoBand("no exports figures of ZZ in the complete years 2018 to 2025"));
  }

  @Test
  void theAmountBandOfAReferenceValueIncludesItsEnds() {
    PlausibilityBands.Range r = PlausibilityBands.amountBand(UsdAmount.of("1000.00"), THREE);
    assertThat(r.low()).isEqualTo(UsdAmount.of("333.33"));
    assertThat(r.high()).isEqualTo(UsdAmount.of("3000.00"));
    assertThat(r.contains(UsdAmount.of("333.32"))).isFalse();
    assertThat(r.contains(UsdAmount.of("333.33"))).isTrue();
    assertThat(r.contains(UsdAmount.of("3000.00"))).isTrue();
    assertThat(r.contains(UsdAmount.of("3000.01"))).isFalse();
  }

  @Test
  void aFactorIsMoreThanOne() {
    assertThat(Factor.of("2.50").toString()).isEqualTo("2.5");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Factor.of("1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package org.kimberlite.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatisticsRecordsTest {

  @Test
  void aPeriodIsTheQuarterOfADay() {
    assertThat(Period.of(LocalDate.parse("2026-01-01"))).isEqualTo(new Period(2026, 1));
    assertThat(Period.of(LocalDate.parse("2026-03-31"))).isEqualTo(new Period(2026, 1));
    assertThat(Period.of(LocalDate.parse("2026-04-01"))).isEqualTo(new Period(2026, 2));
    assertThat(Period.of(LocalDate.parse("2026-09-30"))).isEqualTo(new Period(2026, 3));
    assertThat(Period.of(LocalDate.parse("2026-12-31"))).isEqualTo(new Period(2026, 4));
  }

  @Test
  void periodsStepLabelAndSort() {
    assertThat(new Period(2026, 1).previous()).isEqualTo(new Period(2025, 4));
    assertThat(new Period(2026, 3).previous()).isEqualTo(new Period(2026, 2));
    assertThat(new Period(2025, 4).next()).isEqualTo(new Period(2026, 1));
    assertThat(new Period(2026, 3).label()).isEqualTo("2026-Q3");
    assertThat(
            List.of(new Period(2026, 1), new Period(2025, 4), new Period(2025, 2)).stream()
                .sorted()
                .toList())
        .containsExactly(new Period(2025, 2), new Period(2025, 4), new Period(2026, 1));
    assertThatThrownBy(() -> new Period(2026, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Period(2026, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Period(26, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void quantitiesAreExactHundredths() {
    TradeFlow f =
        new TradeFlow(
            "NA",
            "AE",
            new Period(2026, 1),
            "7102.10",
            new BigDecimal("12.5"),
            new BigDecimal("1000"),
            1);
    assertThat(f.carats()).isEqualTo(new BigDecimal("12.50"));
    assertThat(f.valueUsd()).isEqualTo(new BigDecimal("1000.00"));
    assertThatThrownBy(
            () ->
                new TradeFlow(
                    "NA",
                    "AE",
                    new Period(2026, 1),
                    "7102.10",
                    new BigDecimal("1.005"),
                    BigDecimal.ONE,
                    1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 2 decimals");
    assertThatThrownBy(
            () ->
                new ImportFlow(
                    "AE",
                    "NA",
                    new Period(2026, 1),
                    "7102.10",
                    BigDecimal.ONE,
                    new BigDecimal("-1"),
                    1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
    assertThatThrownBy(
            () ->
                new ImportFlow(
                    " ", "NA", new Period(2026, 1), "7102.10", BigDecimal.ONE, BigDecimal.ONE, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new TradeFlow(
                    "NA", "AE", new Period(2026, 1), "7102.10", BigDecimal.ONE, BigDecimal.ONE, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void productionFiguresNameAHalfOrTheYear() {
    assertThat(new ProductionFigure("BW", 2025, "FY", BigDecimal.TEN, BigDecimal.TEN).label())
        .isEqualTo("2025-FY");
    assertThatThrownBy(() -> new ProductionFigure("BW", 2025, "Q1", BigDecimal.TEN, BigDecimal.TEN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toleranceDefaultsAndLimits() {
    assertThat(MirrorTolerance.DEFAULT)
        .isEqualTo(new MirrorTolerance(new BigDecimal("0.05"), new BigDecimal("1.00"), 1));
    assertThatThrownBy(() -> new MirrorTolerance(new BigDecimal("-0.01"), BigDecimal.ONE, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MirrorTolerance(BigDecimal.ONE, BigDecimal.ONE, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFindingKeepsItsEvidenceInOrderAndUnmodifiable() {
    Map<String, String> evidence = new LinkedHashMap<>();
    evidence.put("b", "2");
    evidence.put("a", "1");
    Finding f = new Finding("STAT-02", "NA", "2026-Q1", "LOW", "m", evidence);
    evidence.put("c", "3");
    assertThat(f.evidence().keySet()).containsExactly("b", "a");
    assertThatThrownBy(() -> f.evidence().put("d", "4"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> new Finding("STAT-02", "NA", "2026-Q1", "SEVERE", "m", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package org.kimberlite.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;

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

  static final ParticipantCode NA = ParticipantCode.of("NA");
  static final ParticipantCode AE = ParticipantCode.of("AE");

  @Test
  void flowsCarryValueTypesAndNameTheExporterFirst() {
    TradeFlow f =
        new TradeFlow(
            NA,
            AE,
            new Period(2026, 1),
            HsCode.of("710210"),
            Carats.of(new BigDecimal("12.5")),
            UsdAmount.of(1000),
            1);
    assertThat(f.carats().value()).isEqualTo(new BigDecimal("12.50"));
    assertThat(f.valueUsd().value()).isEqualTo(new BigDecimal("1000.00"));
    assertThat(f.hsCode()).isEqualTo(HsCode.UNSORTED);
    ImportFlow i =
        new ImportFlow(
            NA, AE, new Period(2026, 2), HsCode.UNSORTED, Carats.of(1), UsdAmount.of(1), 1);
    assertThat(i.exporter()).isEqualTo(f.exporter());
    assertThat(i.importer()).isEqualTo(f.importer());
    assertThatThrownBy(() -> Carats.of(new BigDecimal("1.005")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 2 decimals");
    assertThatThrownBy(
            () ->
                new TradeFlow(
                    NA,
                    AE,
                    new Period(2026, 1),
                    HsCode.UNSORTED,
                    Carats.of(1),
                    UsdAmount.of(1),
                    -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void productionFiguresNameAHalfOrTheYear() {
    assertThat(
            new ProductionFigure(
                    ParticipantCode.of("BW"), 2025, "FY", Carats.of(10), UsdAmount.of(10))
                .label())
        .isEqualTo("2025-FY");
    assertThatThrownBy(
            () ->
                new ProductionFigure(
                    ParticipantCode.of("BW"), 2025, "Q1", Carats.of(10), UsdAmount.of(10)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toleranceDefaultsAndLimits() {
    assertThat(MirrorTolerance.DEFAULT)
        .isEqualTo(new MirrorTolerance(new BigDecimal("0.05"), Carats.of("1.00"), 1));
    assertThatThrownBy(() -> new MirrorTolerance(new BigDecimal("-0.01"), Carats.of(1), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MirrorTolerance(BigDecimal.ONE, Carats.of(1), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MirrorTolerance(BigDecimal.ONE, Carats.of(1), 9))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFindingKeepsItsEvidenceInOrderAndUnmodifiable() {
    Map<String, String> evidence = new LinkedHashMap<>();
    evidence.put("b", "2");
    evidence.put("a", "1");
    Finding f = new Finding("STAT-02", NA, "2026-Q1", "LOW", "m", evidence);
    evidence.put("c", "3");
    assertThat(f.evidence().keySet()).containsExactly("b", "a");
    assertThatThrownBy(() -> f.evidence().put("d", "4"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> new Finding("STAT-02", NA, "2026-Q1", "SEVERE", "m", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package org.kimberlite.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kimberlite.statistics.internal.CheckFixtures.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kimberlite.statistics.Finding;
import org.kimberlite.statistics.ProductionFigure;
import org.kimberlite.statistics.TradeFlow;

/** STAT-03 by hand-computed cases: the threshold at its edge, up and down. */
class AnomalyCheckTest {
  static List<Finding> anomalies(
      List<ProductionFigure> production, List<TradeFlow> exports, BigDecimal threshold) {
    return new AnomalyCheck(threshold).findings(production, exports);
  }

  static final BigDecimal HALF = new BigDecimal("0.5");

  List<Finding> production(ProductionFigure... figures) {
    return anomalies(List.of(figures), List.of(), HALF);
  }

  @Test
  void exactlyTheThresholdUpIsNotFlagged() {
    assertThat(
            production(
                produced("ZW", 2025, "H1", "100.00", "10000.00"),
                produced("ZW", 2025, "H2", "150.00", "15000.00")))
        .isEmpty();
  }

  @Test
  void justAboveTheThresholdUpIsFlaggedForTheQuestionnaire() {
    List<Finding> findings =
        production(
            produced("ZW", 2025, "H1", "100.00", "10000.00"),
            produced("ZW", 2025, "H2", "150.01", "15000.00"));
    assertThat(findings).hasSize(1);
    Finding f = findings.getFirst();
    assertThat(f.rule()).isEqualTo("STAT-03");
    assertThat(f.participant()).isEqualTo(code("ZW"));
    assertThat(f.period()).isEqualTo("2025-H2");
    assertThat(f.severity()).isEqualTo("MEDIUM");
    assertThat(f.evidence())
        .containsEntry("series", "production")
        .containsEntry("previousPeriod", "2025-H1")
        .containsEntry("threshold", "0.5")
        .containsEntry("caratsFrom", "100.00")
        .containsEntry("caratsTo", "150.01")
        .containsEntry("caratsChange", "0.5001")
        .containsEntry("usdChange", "0.5000")
        .containsEntry("usdPerCaratFrom", "100.00")
        .containsEntry("usdPerCaratTo", "99.99")
        .containsEntry("usdPerCaratChange", "-0.0001")
        .containsEntry("measuresMoved", "carats");
    assertThat(f.message())
        .contains(
            "carats up from 100.00 to 150.01 (+50.0 %)",
            "2025-H2 on 2025-H1", "data-anomaly questionnaire");
  }

  @Test
  void downByExactlyTheThresholdIsNotFlaggedButJustMoreIs() {
    assertThat(
            production(
                produced("ZW", 2024, "H2", "100.00", "10000.00"),
                produced("ZW", 2025, "H1", "50.00", "5000.00")))
        .isEmpty();
    Finding f =
        production(
                produced("ZW", 2024, "H2", "100.00", "10000.00"),
                produced("ZW", 2025, "H1", "49.99", "4999.00"))
            .getFirst();
    assertThat(f.period()).isEqualTo("2025-H1");
    assertThat(f.evidence())
        .containsEntry("previousPeriod", "2024-H2")
        .containsEntry("caratsChange", "-0.5001")
        .containsEntry("usdChange", "-0.5001")
        .containsEntry("measuresMoved", "carats,usd");
    assertThat(f.message()).contains("carats down from 100.00 to 49.99 (-50.0 %)");
  }

  @Test
  void aPriceMoveAloneIsFlaggedAndMoreThanTwiceTheThresholdIsHigh() {
    Finding doubled =
        production(
                produced("AO", 2025, "H1", "100.00", "10000.00"),
                produced("AO", 2025, "H2", "100.00", "20000.00"))
            .getFirst();
    assertThat(doubled.evidence())
        .containsEntry("usdPerCaratFrom", "100.00")
        .containsEntry("usdPerCaratTo", "200.00")
        .containsEntry("usdPerCaratChange", "1.0000")
        .containsEntry("measuresMoved", "usd,usdPerCarat");
    assertThat(doubled.severity()).isEqualTo("MEDIUM");
    Finding tripled =
        production(
                produced("AO", 2025, "H1", "100.00", "10000.00"),
                produced("AO", 2025, "H2", "100.00", "30000.00"))
            .getFirst();
    assertThat(tripled.severity()).isEqualTo("HIGH");
    assertThat(tripled.message()).contains("USD per carat up from 100.00 to 300.00 (+200.0 %)");
  }

  @Test
  void onlyConsecutiveHalvesAreCompared() {
    assertThat(
            production(
                produced("ZW", 2024, "H1", "100.00", "10000.00"),
                produced("ZW", 2025, "H1", "900.00", "90000.00")))
        .isEmpty();
  }

  @Test
  void yearsReportedOnlyAsAWholeAreComparedYearOnYear() {
    List<Finding> findings =
        production(
            produced("RU", 2023, "FY", "1000.00", "100000.00"),
            produced("RU", 2024, "FY", "1600.00", "160000.00"),
            produced("RU", 2025, "H1", "800.00", "80000.00"),
            produced("RU", 2025, "H2", "800.00", "80000.00"));
    assertThat(findings).hasSize(1);
    Finding f = findings.getFirst();
    assertThat(f.period()).isEqualTo("2024-FY");
    assertThat(f.evidence())
        .containsEntry("previousPeriod", "2023-FY")
        .containsEntry("caratsChange", "0.6000")
        .containsEntry("measuresMoved", "carats,usd");
  }

  @Test
  void exportsFromZeroToSomethingAndBackToZeroAreFlagged() {
    List<TradeFlow> exports =
        List.of(
            export("SL", "BE", 2025, 1, "10.00", "2000.00"),
            export("SL", "BE", 2025, 3, "10.00", "2000.00"),
            // another exporter sets the range from 2025-Q1 to 2025-Q3 anyway
            export("BW", "BE", 2025, 1, "100.00", "10000.00"),
            export("BW", "AE", 2025, 2, "60.00", "6000.00"),
            export("BW", "BE", 2025, 2, "40.00", "4000.00"),
            export("BW", "IN", 2025, 3, "100.00", "10000.00"));
    List<Finding> findings = anomalies(List.of(), exports, HALF);
    assertThat(findings).extracting(f -> f.participant().code()).containsOnly("SL");
    assertThat(findings).extracting(Finding::period).containsExactly("2025-Q2", "2025-Q3");
    Finding down = findings.get(0);
    assertThat(down.severity()).isEqualTo("MEDIUM");
    assertThat(down.evidence())
        .containsEntry("series", "exports")
        .containsEntry("previousPeriod", "2025-Q1")
        .containsEntry("caratsTo", "0.00")
        .containsEntry("caratsChange", "-1.0000")
        .doesNotContainKey("usdPerCaratFrom")
        .containsEntry("measuresMoved", "carats,usd");
    Finding up = findings.get(1);
    assertThat(up.severity()).isEqualTo("HIGH");
    assertThat(up.evidence())
        .containsEntry("caratsFrom", "0.00")
        .containsEntry("caratsTo", "10.00")
        .doesNotContainKey("caratsChange");
    assertThat(up.message()).contains("carats up from 0.00 to 10.00 (from zero)", "DAQ");
  }

  @Test
  void zeroToZeroIsNoChange() {
    assertThat(
            production(produced("LR", 2025, "H1", "0", "0"), produced("LR", 2025, "H2", "0", "0")))
        .isEmpty();
  }

  @Test
  void refusesANegativeThreshold() {
    assertThatThrownBy(() -> anomalies(List.of(), List.of(), new BigDecimal("-0.1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void findingsAreSortedByParticipantThenPeriod() {
    List<ProductionFigure> figures =
        new ArrayList<>(
            List.of(
                produced("ZW", 2025, "H1", "100.00", "100.00"),
                produced("ZW", 2025, "H2", "300.00", "300.00"),
                produced("AO", 2024, "H2", "100.00", "100.00"),
                produced("AO", 2025, "H1", "300.00", "300.00"),
                produced("AO", 2025, "H2", "100.00", "100.00")));
    List<Finding> expected = anomalies(figures, List.of(), HALF);
    assertThat(expected)
        .extracting(f -> f.participant() + " " + f.period())
        .containsExactly("AO 2025-H1", "AO 2025-H2", "ZW 2025-H2");
    Collections.reverse(figures);
    assertThat(anomalies(figures, List.of(), HALF)).isEqualTo(expected);
  }
}

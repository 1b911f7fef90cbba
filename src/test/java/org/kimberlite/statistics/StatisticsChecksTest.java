package org.kimberlite.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hand-computed cases for STAT-02, STAT-03 and STAT-04. */
class StatisticsChecksTest {
  static final String HS = "7102.10";

  static TradeFlow export(String from, String to, int year, int quarter, String ct, String usd) {
    return export(from, to, year, quarter, HS, ct, usd);
  }

  static TradeFlow export(
      String from, String to, int year, int quarter, String hs, String ct, String usd) {
    return new TradeFlow(
        from, to, new Period(year, quarter), hs, new BigDecimal(ct), new BigDecimal(usd), 1);
  }

  static ImportFlow importFlow(
      String to, String from, int year, int quarter, String ct, String usd) {
    return new ImportFlow(
        to, from, new Period(year, quarter), HS, new BigDecimal(ct), new BigDecimal(usd), 1);
  }

  static ProductionFigure produced(String who, int year, String half, String ct, String usd) {
    return new ProductionFigure(who, year, half, new BigDecimal(ct), new BigDecimal(usd));
  }

  static MirrorTolerance lag(int quarters) {
    return new MirrorTolerance(new BigDecimal("0.05"), new BigDecimal("1.00"), quarters);
  }

  @Nested
  class Mirror {

    List<Finding> oneQuarter(String importedCt, String importedUsd) {
      return StatisticsChecks.mirror(
          List.of(export("NA", "AE", 2026, 1, "100.00", "10000.00")),
          List.of(importFlow("AE", "NA", 2026, 1, importedCt, importedUsd)),
          MirrorTolerance.DEFAULT);
    }

    @Test
    void aDifferenceOfExactlyTheRelativeToleranceIsNotFlagged() {
      // 5.00 ct of 100.00 = 5 %, 500.00 USD of 10000.00 = 5 %
      assertThat(oneQuarter("95.00", "9500.00")).isEmpty();
    }

    @Test
    void justBeyondTheToleranceIsALowFindingWithItsFigures() {
      List<Finding> findings = oneQuarter("94.99", "9499.00");
      assertThat(findings).hasSize(1);
      Finding f = findings.getFirst();
      assertThat(f.rule()).isEqualTo("STAT-02");
      assertThat(f.participant()).isEqualTo("NA");
      assertThat(f.period()).isEqualTo("2026-Q1");
      assertThat(f.severity()).isEqualTo("LOW");
      assertThat(f.evidence())
          .containsEntry("exporter", "NA")
          .containsEntry("importer", "AE")
          .containsEntry("exportedCarats", "100.00")
          .containsEntry("importedCarats", "94.99")
          .containsEntry("exportedUsd", "10000.00")
          .containsEntry("importedUsd", "9499.00")
          .containsEntry("unreceivedExportsCarats", "5.01")
          .containsEntry("unmatchedImportsCarats", "0.00")
          .containsEntry("differenceCarats", "5.01")
          .containsEntry("relativeDifferenceCarats", "0.0501")
          .containsEntry("differenceUsd", "501.00")
          .containsEntry("relativeDifferenceUsd", "0.0501")
          .containsEntry("absoluteToleranceCarats", "1.00")
          .containsEntry("absoluteToleranceUsd", "100.00")
          .containsEntry("relativeTolerance", "0.05")
          .containsEntry(
              "periodsCompared", "exports of 2026-Q1 against imports of 2026-Q1..2026-Q2");
      assertThat(f.message())
          .contains("NA → AE", "5.01 ct of 100.00 (5.0 %)", "501.00 USD of 10000.00 (5.0 %)");
    }

    @Test
    void severityFollowsTheShare() {
      assertThat(oneQuarter("90.00", "9000.00").getFirst().severity()).isEqualTo("LOW");
      assertThat(oneQuarter("89.99", "8999.00").getFirst().severity()).isEqualTo("MEDIUM");
      assertThat(oneQuarter("75.00", "7500.00").getFirst().severity()).isEqualTo("MEDIUM");
      assertThat(oneQuarter("74.99", "7499.00").getFirst().severity()).isEqualTo("HIGH");
    }

    @Test
    void smallParcelsNeedTheAbsoluteToleranceToo() {
      // 10 % short, but 1.00 ct is not more than 1.00 ct, and 100.00 USD is not more than the
      // value of one carat at 100.00 USD per carat
      List<TradeFlow> exports = List.of(export("NA", "AE", 2026, 1, "10.00", "1000.00"));
      assertThat(
              StatisticsChecks.mirror(
                  exports,
                  List.of(importFlow("AE", "NA", 2026, 1, "9.00", "900.00")),
                  MirrorTolerance.DEFAULT))
          .isEmpty();
      Finding f =
          StatisticsChecks.mirror(
                  exports,
                  List.of(importFlow("AE", "NA", 2026, 1, "8.99", "899.00")),
                  MirrorTolerance.DEFAULT)
              .getFirst();
      assertThat(f.evidence())
          .containsEntry("differenceCarats", "1.01")
          .containsEntry("differenceUsd", "101.00")
          .containsEntry("absoluteToleranceUsd", "100.00");
      assertThat(f.severity()).isEqualTo("MEDIUM");
    }

    @Test
    void aValueDifferenceAloneIsFlaggedOnTheImportSide() {
      // same carats, the importer values CIF: 1000.00 of 11000.00 USD = 9.09 %
      Finding f =
          StatisticsChecks.mirror(
                  List.of(export("NA", "AE", 2026, 1, "100.00", "10000.00")),
                  List.of(importFlow("AE", "NA", 2026, 1, "100.00", "11000.00")),
                  MirrorTolerance.DEFAULT)
              .getFirst();
      assertThat(f.severity()).isEqualTo("LOW");
      assertThat(f.evidence())
          .containsEntry("differenceCarats", "0.00")
          .containsEntry("differenceUsd", "-1000.00")
          .containsEntry("unmatchedImportsUsd", "1000.00")
          .containsEntry("relativeDifferenceUsd", "0.0909")
          .containsEntry("absoluteToleranceUsd", "110.00")
          .containsEntry(
              "periodsCompared", "imports of 2026-Q1 against exports of 2025-Q4..2026-Q1");
      assertThat(f.message()).contains("1000.00 USD of 11000.00 (9.1 %)", "match no export");
    }

    @Test
    void aShipmentIssuedInQ4AndReceivedInQ1IsNoFindingWithALagOfOne() {
      List<TradeFlow> exports = List.of(export("NA", "AE", 2025, 4, "50.00", "5000.00"));
      List<ImportFlow> imports = List.of(importFlow("AE", "NA", 2026, 1, "50.00", "5000.00"));
      assertThat(StatisticsChecks.mirror(exports, imports, lag(1))).isEmpty();
    }

    @Test
    void aShipmentIssuedInQ4AndReceivedInQ1IsTwoFindingsWithoutLag() {
      List<TradeFlow> exports = List.of(export("NA", "AE", 2025, 4, "50.00", "5000.00"));
      List<ImportFlow> imports = List.of(importFlow("AE", "NA", 2026, 1, "50.00", "5000.00"));
      List<Finding> findings = StatisticsChecks.mirror(exports, imports, lag(0));
      assertThat(findings).extracting(Finding::period).containsExactly("2025-Q4", "2026-Q1");
      assertThat(findings).extracting(Finding::severity).containsOnly("HIGH");
      assertThat(findings.get(0).evidence())
          .containsEntry("differenceCarats", "50.00")
          .containsEntry("relativeDifferenceCarats", "1.0000")
          .containsEntry("periodsCompared", "exports of 2025-Q4 against imports of 2025-Q4");
      assertThat(findings.get(1).evidence())
          .containsEntry("differenceCarats", "-50.00")
          .containsEntry("differenceUsd", "-5000.00")
          .containsEntry("periodsCompared", "imports of 2026-Q1 against exports of 2026-Q1");
    }

    @Test
    void exportsWithoutAnyImportAreAFinding() {
      List<Finding> findings =
          StatisticsChecks.mirror(
              List.of(export("NA", "BE", 2026, 2, "30.00", "3000.00")),
              List.of(),
              MirrorTolerance.DEFAULT);
      assertThat(findings).hasSize(1);
      Finding f = findings.getFirst();
      assertThat(f.participant()).isEqualTo("NA");
      assertThat(f.severity()).isEqualTo("HIGH");
      assertThat(f.evidence())
          .containsEntry("importer", "BE")
          .containsEntry("importedCarats", "0.00")
          .containsEntry("importedCertificates", "0")
          .containsEntry("exportedCertificates", "1")
          .containsEntry("differenceCarats", "30.00")
          .containsEntry("relativeDifferenceUsd", "1.0000");
      assertThat(f.message()).contains("were not recorded as imports by BE in 2026-Q2..2026-Q3");
    }

    @Test
    void importsWithoutAnyExportAreAFinding() {
      List<Finding> findings =
          StatisticsChecks.mirror(
              List.of(),
              List.of(importFlow("AE", "ZW", 2026, 1, "12.00", "600.00")),
              MirrorTolerance.DEFAULT);
      assertThat(findings).hasSize(1);
      assertThat(findings.getFirst().participant()).isEqualTo("ZW");
      assertThat(findings.getFirst().evidence())
          .containsEntry("exportedCarats", "0.00")
          .containsEntry("differenceCarats", "-12.00")
          .containsEntry("differenceUsd", "-600.00");
    }

    @Test
    void shipmentsThatAlwaysArriveAQuarterLateAreNoFinding() {
      List<TradeFlow> exports =
          List.of(
              export("BW", "AE", 2025, 1, "100.00", "10000.00"),
              export("BW", "AE", 2025, 2, "300.00", "30000.00"),
              export("BW", "AE", 2025, 3, "50.00", "5000.00"));
      List<ImportFlow> imports =
          List.of(
              importFlow("AE", "BW", 2025, 2, "100.00", "10000.00"),
              importFlow("AE", "BW", 2025, 3, "300.00", "30000.00"),
              importFlow("AE", "BW", 2025, 4, "50.00", "5000.00"));
      assertThat(StatisticsChecks.mirror(exports, imports, MirrorTolerance.DEFAULT)).isEmpty();
    }

    @Test
    void aMissingReceiptIsFlaggedInItsQuarterEvenWhenLaterQuartersBalance() {
      List<TradeFlow> exports =
          List.of(
              export("BW", "AE", 2025, 1, "100.00", "10000.00"),
              export("BW", "AE", 2025, 2, "100.00", "10000.00"),
              export("BW", "AE", 2025, 3, "100.00", "10000.00"));
      List<ImportFlow> imports =
          List.of(
              importFlow("AE", "BW", 2025, 2, "100.00", "10000.00"),
              importFlow("AE", "BW", 2025, 3, "100.00", "10000.00"));
      List<Finding> findings = StatisticsChecks.mirror(exports, imports, MirrorTolerance.DEFAULT);
      assertThat(findings).extracting(Finding::period).containsExactly("2025-Q1");
      assertThat(findings.getFirst().evidence())
          .containsEntry("differenceCarats", "100.00")
          .containsEntry(
              "periodsCompared", "exports of 2025-Q1 against imports of 2025-Q1..2025-Q2");
    }

    @Test
    void hsCodesAddUp() {
      List<TradeFlow> exports =
          List.of(
              export("NA", "AE", 2026, 1, "7102.10", "60.00", "9000.00"),
              export("NA", "AE", 2026, 1, "7102.21", "40.00", "1000.00"));
      List<ImportFlow> imports = List.of(importFlow("AE", "NA", 2026, 1, "100.00", "10000.00"));
      assertThat(StatisticsChecks.mirror(exports, imports, MirrorTolerance.DEFAULT)).isEmpty();
    }

    @Test
    void findingsComeInTheSameOrderWhateverTheInputOrder() {
      List<TradeFlow> exports = new ArrayList<>();
      List<ImportFlow> imports = new ArrayList<>();
      for (String from : List.of("ZW", "BW", "NA")) {
        for (String to : List.of("IN", "AE")) {
          for (int q = 1; q <= 4; q++) {
            exports.add(export(from, to, 2025, q, "100.00", "10000.00"));
            if (q % 2 == 0) {
              imports.add(importFlow(to, from, 2025, q, "100.00", "10000.00"));
            }
          }
        }
      }
      List<Finding> expected = StatisticsChecks.mirror(exports, imports, lag(0));
      assertThat(expected).hasSize(12);
      assertThat(expected)
          .extracting(Finding::participant)
          .containsExactly("BW", "BW", "BW", "BW", "NA", "NA", "NA", "NA", "ZW", "ZW", "ZW", "ZW");
      assertThat(expected).isSortedAccordingTo(Finding.ORDER);
      Random random = new Random(7);
      for (int round = 0; round < 5; round++) {
        Collections.shuffle(exports, random);
        Collections.shuffle(imports, random);
        assertThat(StatisticsChecks.mirror(exports, imports, lag(0))).isEqualTo(expected);
      }
    }
  }

  @Nested
  class Anomalies {
    static final BigDecimal HALF = new BigDecimal("0.5");

    List<Finding> production(ProductionFigure... figures) {
      return StatisticsChecks.anomalies(List.of(figures), List.of(), HALF);
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
      assertThat(f.participant()).isEqualTo("ZW");
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
      List<Finding> findings = StatisticsChecks.anomalies(List.of(), exports, HALF);
      assertThat(findings).extracting(Finding::participant).containsOnly("SL");
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
              production(
                  produced("LR", 2025, "H1", "0", "0"), produced("LR", 2025, "H2", "0", "0")))
          .isEmpty();
    }

    @Test
    void refusesANegativeThreshold() {
      assertThatThrownBy(
              () -> StatisticsChecks.anomalies(List.of(), List.of(), new BigDecimal("-0.1")))
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
      List<Finding> expected = StatisticsChecks.anomalies(figures, List.of(), HALF);
      assertThat(expected)
          .extracting(f -> f.participant() + " " + f.period())
          .containsExactly("AO 2025-H1", "AO 2025-H2", "ZW 2025-H2");
      Collections.reverse(figures);
      assertThat(StatisticsChecks.anomalies(figures, List.of(), HALF)).isEqualTo(expected);
    }
  }

  @Nested
  class Missing {
    final List<String> participants = List.of("ZW", "NA", "BW");
    final List<ProductionFigure> reports =
        List.of(
            produced("ZW", 2025, "H1", "100.00", "100.00"),
            produced("NA", 2025, "FY", "2000.00", "1000000.00"),
            produced("XX", 2025, "H1", "1.00", "1.00"));

    @Test
    void everyEndedHalfWithoutAReportIsListedAndTheCurrentHalfIsNotDue() {
      List<Finding> findings =
          StatisticsChecks.missing(
              participants, reports, 2025, 2026, LocalDate.parse("2026-03-15"));
      assertThat(findings)
          .extracting(f -> f.participant() + " " + f.period() + " " + f.severity())
          .containsExactly("BW 2025-H1 HIGH", "BW 2025-H2 HIGH", "ZW 2025-H2 MEDIUM");
      Finding zw = findings.get(2);
      assertThat(zw.rule()).isEqualTo("STAT-04");
      assertThat(zw.evidence())
          .containsEntry("period", "2025-H2")
          .containsEntry("periodEnded", "2025-12-31")
          .containsEntry("reportedForYear", "H1");
      assertThat(findings.get(0).evidence()).containsEntry("reportedForYear", "none");
      assertThat(zw.message()).contains("No 2025-H2 production report from ZW");
    }

    @Test
    void aHalfIsDueTheDayAfterItEnds() {
      assertThat(
              StatisticsChecks.missing(
                  List.of("NA"), List.of(), 2026, 2026, LocalDate.parse("2026-06-30")))
          .isEmpty();
      assertThat(
              StatisticsChecks.missing(
                  List.of("NA"), List.of(), 2026, 2026, LocalDate.parse("2026-07-01")))
          .extracting(Finding::period)
          .containsExactly("2026-H1");
      assertThat(
              StatisticsChecks.missing(
                  List.of("NA"), List.of(), 2025, 2025, LocalDate.parse("2025-12-31")))
          .extracting(f -> f.period() + " " + f.severity())
          .containsExactly("2025-H1 MEDIUM");
    }

    @Test
    void aFullYearFigureCoversBothHalves() {
      assertThat(
              StatisticsChecks.missing(
                  List.of("NA"), reports, 2025, 2025, LocalDate.parse("2026-06-01")))
          .isEmpty();
    }

    @Test
    void theOrderDoesNotDependOnTheInput() {
      List<Finding> a =
          StatisticsChecks.missing(
              List.of("ZW", "BW", "BW"), List.of(), 2024, 2025, LocalDate.parse("2026-01-10"));
      List<Finding> b =
          StatisticsChecks.missing(
              List.of("BW", "ZW"), List.of(), 2024, 2025, LocalDate.parse("2026-01-10"));
      assertThat(a).isEqualTo(b).hasSize(8);
      assertThat(a)
          .extracting(f -> f.participant() + " " + f.period())
          .containsExactly(
              "BW 2024-H1",
              "BW 2024-H2",
              "BW 2025-H1",
              "BW 2025-H2",
              "ZW 2024-H1",
              "ZW 2024-H2",
              "ZW 2025-H1",
              "ZW 2025-H2");
    }

    @Test
    void refusesAnEmptyRangeOfYears() {
      assertThatThrownBy(
              () ->
                  StatisticsChecks.missing(
                      List.of("NA"), List.of(), 2026, 2025, LocalDate.parse("2026-01-01")))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}

package org.kimberlite.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kimberlite.statistics.internal.CheckFixtures.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kimberlite.statistics.Finding;
import org.kimberlite.statistics.ImportFlow;
import org.kimberlite.statistics.MirrorTolerance;
import org.kimberlite.statistics.TradeFlow;

/** STAT-02 by hand-computed cases: the tolerances and the timing lag at their edges. */
class MirrorCheckTest {
  static List<Finding> mirror(
      List<TradeFlow> exports, List<ImportFlow> imports, MirrorTolerance tolerance) {
    return new MirrorCheck(tolerance).findings(exports, imports);
  }

  List<Finding> oneQuarter(String importedCt, String importedUsd) {
    return mirror(
        List.of(export("NA", "AE", 2026, 1, "100.00", "10000.00")),
        List.of(importFlow("NA", "AE", 2026, 1, importedCt, importedUsd)),
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
    assertThat(f.participant()).isEqualTo(code("NA"));
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
        .containsEntry("periodsCompared", "exports of 2026-Q1 against imports of 2026-Q1..2026-Q2");
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
            mirror(
                exports,
                List.of(importFlow("NA", "AE", 2026, 1, "9.00", "900.00")),
                MirrorTolerance.DEFAULT))
        .isEmpty();
    Finding f =
        mirror(
                exports,
                List.of(importFlow("NA", "AE", 2026, 1, "8.99", "899.00")),
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
        mirror(
                List.of(export("NA", "AE", 2026, 1, "100.00", "10000.00")),
                List.of(importFlow("NA", "AE", 2026, 1, "100.00", "11000.00")),
                MirrorTolerance.DEFAULT)
            .getFirst();
    assertThat(f.severity()).isEqualTo("LOW");
    assertThat(f.evidence())
        .containsEntry("differenceCarats", "0.00")
        .containsEntry("differenceUsd", "-1000.00")
        .containsEntry("unmatchedImportsUsd", "1000.00")
        .containsEntry("relativeDifferenceUsd", "0.0909")
        .containsEntry("absoluteToleranceUsd", "110.00")
        .containsEntry("periodsCompared", "imports of 2026-Q1 against exports of 2025-Q4..2026-Q1");
    assertThat(f.message()).contains("1000.00 USD of 11000.00 (9.1 %)", "match no export");
  }

  @Test
  void aShipmentIssuedInQ4AndReceivedInQ1IsNoFindingWithALagOfOne() {
    List<TradeFlow> exports = List.of(export("NA", "AE", 2025, 4, "50.00", "5000.00"));
    List<ImportFlow> imports = List.of(importFlow("NA", "AE", 2026, 1, "50.00", "5000.00"));
    assertThat(mirror(exports, imports, lag(1))).isEmpty();
  }

  @Test
  void aShipmentIssuedInQ4AndReceivedInQ1IsTwoFindingsWithoutLag() {
    List<TradeFlow> exports = List.of(export("NA", "AE", 2025, 4, "50.00", "5000.00"));
    List<ImportFlow> imports = List.of(importFlow("NA", "AE", 2026, 1, "50.00", "5000.00"));
    List<Finding> findings = mirror(exports, imports, lag(0));
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
        mirror(
            List.of(export("NA", "BE", 2026, 2, "30.00", "3000.00")),
            List.of(),
            MirrorTolerance.DEFAULT);
    assertThat(findings).hasSize(1);
    Finding f = findings.getFirst();
    assertThat(f.participant()).isEqualTo(code("NA"));
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
        mirror(
            List.of(),
            List.of(importFlow("ZW", "AE", 2026, 1, "12.00", "600.00")),
            MirrorTolerance.DEFAULT);
    assertThat(findings).hasSize(1);
    assertThat(findings.getFirst().participant()).isEqualTo(code("ZW"));
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
            importFlow("BW", "AE", 2025, 2, "100.00", "10000.00"),
            importFlow("BW", "AE", 2025, 3, "300.00", "30000.00"),
            importFlow("BW", "AE", 2025, 4, "50.00", "5000.00"));
    assertThat(mirror(exports, imports, MirrorTolerance.DEFAULT)).isEmpty();
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
            importFlow("BW", "AE", 2025, 2, "100.00", "10000.00"),
            importFlow("BW", "AE", 2025, 3, "100.00", "10000.00"));
    List<Finding> findings = mirror(exports, imports, MirrorTolerance.DEFAULT);
    assertThat(findings).extracting(Finding::period).containsExactly("2025-Q1");
    assertThat(findings.getFirst().evidence())
        .containsEntry("differenceCarats", "100.00")
        .containsEntry("periodsCompared", "exports of 2025-Q1 against imports of 2025-Q1..2025-Q2");
  }

  @Test
  void hsCodesAddUp() {
    List<TradeFlow> exports =
        List.of(
            export("NA", "AE", 2026, 1, "7102.10", "60.00", "9000.00"),
            export("NA", "AE", 2026, 1, "7102.21", "40.00", "1000.00"));
    List<ImportFlow> imports = List.of(importFlow("NA", "AE", 2026, 1, "100.00", "10000.00"));
    assertThat(mirror(exports, imports, MirrorTolerance.DEFAULT)).isEmpty();
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
            imports.add(importFlow(from, to, 2025, q, "100.00", "10000.00"));
          }
        }
      }
    }
    List<Finding> expected = mirror(exports, imports, lag(0));
    assertThat(expected).hasSize(12);
    assertThat(expected)
        .extracting(f -> f.participant().code())
        .containsExactly("BW", "BW", "BW", "BW", "NA", "NA", "NA", "NA", "ZW", "ZW", "ZW", "ZW");
    assertThat(expected).isSortedAccordingTo(Finding.ORDER);
    Random random = new Random(7);
    for (int round = 0; round < 5; round++) {
      Collections.shuffle(exports, random);
      Collections.shuffle(imports, random);
      assertThat(mirror(exports, imports, lag(0))).isEqualTo(expected);
    }
  }

  @Test
  void aReceiptExactlyTheLagLaterIsMatchedAndOneQuarterMoreIsNot() {
    List<TradeFlow> exports = List.of(export("NA", "AE", 2025, 3, "50.00", "5000.00"));
    // Issued in 2025-Q3; with a lag of two quarters it may be received up to 2026-Q1.
    assertThat(
            mirror(exports, List.of(importFlow("NA", "AE", 2026, 1, "50.00", "5000.00")), lag(2)))
        .isEmpty();
    List<Finding> late =
        mirror(exports, List.of(importFlow("NA", "AE", 2026, 2, "50.00", "5000.00")), lag(2));
    assertThat(late)
        .extracting(f -> f.participant() + " " + f.period())
        .containsExactly("NA 2025-Q3", "NA 2026-Q2");
    assertThat(late.getFirst().evidence())
        .containsEntry("periodsCompared", "exports of 2025-Q3 against imports of 2025-Q3..2026-Q1");
  }
}

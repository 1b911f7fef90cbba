package org.kimberlite.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kimberlite.statistics.internal.CheckFixtures.*;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.statistics.Finding;
import org.kimberlite.statistics.ProductionFigure;

/** STAT-04 by hand-computed cases: a half-year is due the day after it ends, not before. */
class MissingSubmissionsCheckTest {
  static List<Finding> missing(
      List<ParticipantCode> participants,
      List<ProductionFigure> production,
      int fromYear,
      int toYear,
      LocalDate today) {
    return MissingSubmissionsCheck.findings(participants, production, fromYear, toYear, today);
  }

  final List<ParticipantCode> participants = codes("ZW", "NA", "BW");
  final List<ProductionFigure> reports =
      List.of(
          produced("ZW", 2025, "H1", "100.00", "100.00"),
          produced("NA", 2025, "FY", "2000.00", "1000000.00"),
          produced("XX", 2025, "H1", "1.00", "1.00"));

  @Test
  void everyEndedHalfWithoutAReportIsListedAndTheCurrentHalfIsNotDue() {
    List<Finding> findings =
        missing(participants, reports, 2025, 2026, LocalDate.parse("2026-03-15"));
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
    assertThat(missing(codes("NA"), List.of(), 2026, 2026, LocalDate.parse("2026-06-30")))
        .isEmpty();
    assertThat(missing(codes("NA"), List.of(), 2026, 2026, LocalDate.parse("2026-07-01")))
        .extracting(Finding::period)
        .containsExactly("2026-H1");
    assertThat(missing(codes("NA"), List.of(), 2025, 2025, LocalDate.parse("2025-12-31")))
        .extracting(f -> f.period() + " " + f.severity())
        .containsExactly("2025-H1 MEDIUM");
  }

  @Test
  void aFullYearFigureCoversBothHalves() {
    assertThat(missing(codes("NA"), reports, 2025, 2025, LocalDate.parse("2026-06-01"))).isEmpty();
  }

  @Test
  void theOrderDoesNotDependOnTheInput() {
    List<Finding> a =
        missing(codes("ZW", "BW", "BW"), List.of(), 2024, 2025, LocalDate.parse("2026-01-10"));
    List<Finding> b =
        missing(codes("BW", "ZW"), List.of(), 2024, 2025, LocalDate.parse("2026-01-10"));
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
            () -> missing(codes("NA"), List.of(), 2026, 2025, LocalDate.parse("2026-01-01")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSecondHalfIsDueOnTheFirstOfJanuaryNotOnTheThirtyFirstOfDecember() {
    assertThat(
            missing(
                codes("NA"),
                List.of(produced("NA", 2025, "H1", "1.00", "1.00")),
                2025,
                2025,
                LocalDate.parse("2025-12-31")))
        .isEmpty();
    assertThat(
            missing(
                codes("NA"),
                List.of(produced("NA", 2025, "H1", "1.00", "1.00")),
                2025,
                2025,
                LocalDate.parse("2026-01-01")))
        .extracting(f -> f.period() + " " + f.severity())
        .containsExactly("2025-H2 MEDIUM");
  }

  @Test
  void refusesASpanOfYearsBeyondItsBound() {
    assertThat(missing(codes("NA"), List.of(), 1926, 2025, LocalDate.parse("2026-01-01")))
        .hasSize(2 * MissingSubmissionsCheck.MAX_YEARS);
    assertThatThrownBy(
            () -> missing(codes("NA"), List.of(), 1925, 2025, LocalDate.parse("2026-01-01")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

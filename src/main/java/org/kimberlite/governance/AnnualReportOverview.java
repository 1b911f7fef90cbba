package org.kimberlite.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;

/**
 * Every participant's annual report for a year, for the secretariat and the Working Group on
 * Monitoring: filed, late, missing.
 *
 * @param dueSetBy who set the due date; {@code null} when it is the configured default
 */
public record AnnualReportOverview(
    ReportingYear year,
    LocalDate dueOn,
    @Nullable String dueSetBy,
    LocalDate today,
    List<Row> rows) {
  public AnnualReportOverview {
    rows = List.copyOf(rows);
  }

  /**
   * One participant's line.
   *
   * @param latestVersion the latest submitted version, 0 for none
   * @param openQuestions follow-up questions not yet answered
   */
  public record Row(
      ParticipantCode participant,
      String name,
      AnnualReportStanding standing,
      int latestVersion,
      @Nullable Instant firstSubmittedAt,
      @Nullable Instant lastSubmittedAt,
      int openQuestions) {}

  /** How many lines stand so. */
  public long count(AnnualReportStanding standing) {
    return rows.stream().filter(r -> r.standing() == standing).count();
  }
}

package org.kimberlite.governance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.AnnualReportStanding;
import org.kimberlite.governance.ReportingYear;
import org.kimberlite.shared.Policy;

/**
 * When an annual report is due and where it stands. A report due on a day is on time when its first
 * version was submitted by the end of that day (UTC): the due date is included. On the day after, a
 * report not submitted is missing, and a first version submitted then is late. Corrections (later
 * versions) do not change whether the report was filed on time.
 */
@Policy
public final class AnnualReportStandings {
  private AnnualReportStandings() {}

  /** The default due date: {@code after} the last day of the reporting year. */
  public static LocalDate defaultDue(ReportingYear year, Period after) {
    return year.lastDay().plus(after);
  }

  /**
   * The standing on {@code today}.
   *
   * @param firstSubmittedAt when version 1 was submitted; {@code null} when nothing was
   * @param drafting whether the authority has a draft
   */
  public static AnnualReportStanding of(
      LocalDate dueOn, LocalDate today, @Nullable Instant firstSubmittedAt, boolean drafting) {
    if (firstSubmittedAt != null) {
      LocalDate submittedOn = LocalDate.ofInstant(firstSubmittedAt, ZoneOffset.UTC);
      return submittedOn.isAfter(dueOn)
          ? AnnualReportStanding.FILED_LATE
          : AnnualReportStanding.FILED;
    }
    if (today.isAfter(dueOn)) {
      return AnnualReportStanding.MISSING;
    }
    return drafting ? AnnualReportStanding.DRAFTING : AnnualReportStanding.NOT_YET_DUE;
  }
}

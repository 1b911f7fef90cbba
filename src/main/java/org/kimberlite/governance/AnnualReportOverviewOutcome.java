package org.kimberlite.governance;

/** What came of asking for every participant's annual report for a year. */
public sealed interface AnnualReportOverviewOutcome {
  record Listed(AnnualReportOverview overview) implements AnnualReportOverviewOutcome {}

  /** Only the secretariat and members of the Working Group on Monitoring see the overview. */
  record NotAllowed() implements AnnualReportOverviewOutcome {}

  /** A due date out of bounds; nothing changed. */
  record Invalid(String field, String message) implements AnnualReportOverviewOutcome {}
}

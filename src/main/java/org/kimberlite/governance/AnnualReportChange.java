package org.kimberlite.governance;

import java.util.Map;

/** What came of a change to an annual report (a save, a submission, an assessment, ...). */
public sealed interface AnnualReportChange {
  /** Done; the report as it now stands for the caller. */
  record Done(AnnualReport report) implements AnnualReportChange {}

  /** No such report for this caller (it may not see it, or the participant is unknown). */
  record NotFound() implements AnnualReportChange {}

  /** The caller sees the report but may not do this. */
  record NotAllowed(String reason) implements AnnualReportChange {}

  /** The request is not valid: field, reason. Nothing changed. */
  record Invalid(Map<String, String> errors) implements AnnualReportChange {
    public Invalid {
      errors = Map.copyOf(errors);
    }

    public static Invalid of(String field, String reason) {
      return new Invalid(Map.of(field, reason));
    }
  }

  /**
   * The report's state does not allow it (a submitted version is not edited, nothing to submit, a
   * stale revision, a question answered already). Nothing changed.
   *
   * @param code a stable problem code, such as {@code annual-report-submitted}
   */
  record Conflict(String code, String message) implements AnnualReportChange {}
}

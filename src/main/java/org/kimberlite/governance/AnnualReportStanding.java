package org.kimberlite.governance;

/**
 * Where a participant's annual report for a year stands on a day. A report is on time when its
 * first version was submitted on or before the due date (a later correction does not make it late).
 */
public enum AnnualReportStanding {
  /** Not yet due, and nothing drafted. */
  NOT_YET_DUE,
  /** Not yet due; the authority has a draft. */
  DRAFTING,
  /** Submitted on or before the due date. */
  FILED,
  /** Submitted after the due date. */
  FILED_LATE,
  /** The due date has passed and nothing was submitted. */
  MISSING
}

package org.kimberlite.governance;

/** How an export stands against its import confirmation (docs/governance.md). */
public enum ConfirmationFlag {
  /** Confirmed by the importing authority on or before the deadline. */
  CONFIRMED,
  /** Confirmed after the deadline. */
  LATE,
  /** Not confirmed, and the deadline has passed. */
  UNCONFIRMED,
  /** Not confirmed yet, still within the deadline. */
  AWAITING
}

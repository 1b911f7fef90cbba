package org.kimberlite.diligence;

/** A response's decision (OECD step 3, DD-06). */
public enum Decision {
  /** Continue trading while a mitigation plan runs, until a review date. */
  CONTINUE,
  /** Suspend trading while mitigation is pursued. */
  SUSPEND,
  /** Stop trading with the source or counterparty; the finding closes. */
  DISENGAGE
}

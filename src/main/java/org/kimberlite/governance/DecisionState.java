package org.kimberlite.governance;

/** Where a decision stands on a given day. */
public enum DecisionState {
  /** Adopted, not yet effective. */
  PENDING,
  /**
   * Effective, and at least one of its orders still holds (or it orders nothing in the registry).
   */
  IN_FORCE,
  /** Effective once; every order it gave has since been overtaken by a later decision. */
  SPENT
}

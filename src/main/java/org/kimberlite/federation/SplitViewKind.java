package org.kimberlite.federation;

/** How a peer's log showed this witness a view it cannot reconcile with what it saw before. */
public enum SplitViewKind {
  /** Two signed checkpoints of the same size with different root hashes: a proven fork. */
  CONFLICTING_ROOTS,
  /**
   * A signed checkpoint whose consistency proof from the checkpoint this witness cosigned last does
   * not verify: the log cannot show that it only grew.
   */
  FAILED_PROOF
}

package org.kimberlite.federation;

/** What the secretariat's node makes of a statistics document fetched from another node. */
public sealed interface StatisticsDecision {
  /**
   * Every check passed: the document is taken as the latest of its participant and year.
   *
   * @param jws the signed document
   * @param checkpointSize the size of the sender's checkpoint its log entry was proved in
   */
  record Admitted(NodeStatistics document, String jws, long checkpointSize)
      implements StatisticsDecision {}

  /** The very version held already: nothing changes. */
  record AlreadyHeld(long version) implements StatisticsDecision {}

  /** Refused: nothing is stored. */
  record Refused(Reason reason, String detail) implements StatisticsDecision {}

  /** Why a statistics document is refused. */
  enum Reason {
    /** It cannot be read. */
    MALFORMED,
    /** Its signature does not verify with the sender's trust-list key, or it is another node's. */
    BAD_SIGNATURE,
    /** Its record is not the one committed in the log entry, or the entry is not proved. */
    BAD_PROOF,
    /** The sender does not serve the participant the figures are of. */
    NOT_SERVED,
    /** A version lower than the one held, or another document under the version held. */
    ROLLBACK
  }
}

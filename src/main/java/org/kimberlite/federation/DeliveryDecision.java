package org.kimberlite.federation;

import org.kimberlite.shared.ParticipantCode;

/** What the importing node makes of a delivery. */
public sealed interface DeliveryDecision {
  /**
   * Every check passed.
   *
   * @param issuingParticipant the exporting participant, whose authority signed
   * @param importingParticipant the importing participant this node serves
   * @param checkpointSize the size of the sender's checkpoint the entry was proved in
   */
  record Admitted(
      ParticipantCode issuingParticipant, ParticipantCode importingParticipant, long checkpointSize)
      implements DeliveryDecision {}

  /** Refused: nothing is stored. */
  record Refused(Reason reason, String detail) implements DeliveryDecision {}

  /** Why a delivery is refused. */
  enum Reason {
    /** The sender named in the body is not the node whose key signed the request (FED-04). */
    WRONG_SENDER,
    /** The trust list or the authority's signature does not verify, or is not the sender's. */
    BAD_CERTIFICATE,
    /** The record is not the entry's, or the entry is not proved in the sender's log. */
    BAD_PROOF,
    /** This node does not serve the importing participant, or the certificate is unknown here. */
    NOT_OURS,
    /**
     * The entry is proved by a checkpoint of the sender's log with the size of one this node
     * cosigned as its witness, but another root: the sender shows two histories (FED-09).
     */
    SPLIT_VIEW
  }
}

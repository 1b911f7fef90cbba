package org.kimberlite.governance;

import org.kimberlite.registry.StatusChangeType;
import org.kimberlite.shared.ParticipantCode;

/** What a decision orders in the registry, from the decision's effective date. */
public sealed interface DecisionOrder {
  /** The participant the order is about. */
  ParticipantCode participant();

  /** A change of a participant's status: suspension, operational framework, reinstatement, ... */
  record StatusOrder(ParticipantCode participant, StatusChangeType change)
      implements DecisionOrder {}

  /**
   * A compliant zone of a participant under an operational framework, from which exports are
   * allowed.
   */
  record ZoneDeclaration(ParticipantCode participant, String zone) implements DecisionOrder {
    /** The most characters of a zone's name. */
    public static final int MAX_ZONE = 200;
  }
}

package org.kimberlite.governance;

/** Who adopted a decision. */
public enum DecisionBody {
  /**
   * The Plenary, at its yearly meeting (administrative decisions valid once the communiqué is out).
   */
  PLENARY,
  /** The mid-year intersessional meeting. */
  INTERSESSIONAL,
  /** The participants by written procedure between meetings. */
  WRITTEN_PROCEDURE,
  /** The KP Chair, within the Chair's mandate. */
  CHAIR,
  /** A participant's own notice that the KP took note of (Venezuela's self-suspension, 2008). */
  PARTICIPANT_NOTICE,
  /** A past decision whose adopting body the sources at hand do not state. */
  NOT_STATED
}

package org.kimberlite.governance;

/**
 * A working body of the Kimberley Process whose members this platform lets see more than the
 * public: the Working Group on Monitoring (annual reports, peer review visits) and the monitoring
 * team of a participant under an operational framework (the CAR Monitoring Team, 2015 to 2024).
 */
public enum Body {
  /** The Working Group on Monitoring: assesses annual reports, organises peer review visits. */
  WORKING_GROUP_ON_MONITORING(false),
  /**
   * The monitoring team of one participant under an operational framework: cross-checks its exports
   * against import confirmations and recommends when its restrictions may be lifted.
   */
  MONITORING_TEAM(true);

  private final boolean concernsOneParticipant;

  Body(boolean concernsOneParticipant) {
    this.concernsOneParticipant = concernsOneParticipant;
  }

  /** Whether a seat on this body is for one participant's case (a monitoring team). */
  public boolean concernsOneParticipant() {
    return concernsOneParticipant;
  }
}

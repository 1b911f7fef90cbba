package org.kimberlite.governance;

/**
 * Where a peer review visit stands: planned, conducted (the team's findings recorded), responded
 * (the participant's response and action plan recorded), closed (every action closed).
 */
public enum VisitStatus {
  PLANNED,
  CONDUCTED,
  RESPONDED,
  CLOSED
}

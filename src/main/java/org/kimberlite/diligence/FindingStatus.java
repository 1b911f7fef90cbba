package org.kimberlite.diligence;

/**
 * Where a finding stands: OPEN until answered; RESPONDED once answered (continue or suspend);
 * ESCALATED when its review date passed or it stayed unanswered too long; CLOSED after a
 * disengagement.
 */
public enum FindingStatus {
  OPEN,
  RESPONDED,
  ESCALATED,
  CLOSED
}

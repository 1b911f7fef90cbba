package org.kimberlite.registry;

/** Where a participant stands in the Kimberley Process on a given day. */
public enum ParticipantStatus {
  /** A participant in good standing: may issue and receive certificates. */
  ACTIVE,
  /** Suspended by the KP; trade only as an operational framework allows (compliant zones). */
  SUSPENDED,
  /** Has voluntarily suspended its exports and imports of rough diamonds (Venezuela since 2008). */
  SELF_SUSPENDED,
  /** Removed from the list of participants (expelled or withdrawn); no longer a participant. */
  EXCLUDED;

  public boolean isParticipant() {
    return this != EXCLUDED;
  }

  public boolean inGoodStanding() {
    return this == ACTIVE;
  }
}

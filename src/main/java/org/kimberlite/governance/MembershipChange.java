package org.kimberlite.governance;

/** What came of appointing an organisation to a working body, or of ending its seat. */
public sealed interface MembershipChange {
  /** Recorded; the seat as it now stands. */
  record Recorded(Membership membership) implements MembershipChange {}

  /** Ended; the seat that was. */
  record Ended(Membership membership) implements MembershipChange {}

  /** Only the KP secretariat appoints and removes members. */
  record NotAllowed() implements MembershipChange {}

  /** No such organisation, or no such seat. */
  record Unknown(String what) implements MembershipChange {}

  /**
   * The request breaks a rule of the bodies (a team without its participant, a seat held twice).
   */
  record Refused(String field, String message) implements MembershipChange {}
}

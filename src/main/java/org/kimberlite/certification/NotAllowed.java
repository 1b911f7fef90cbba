package org.kimberlite.certification;

/** The caller's organisation may not do this; {@code reason} says why. */
public record NotAllowed(String reason)
    implements IssueOutcome, CheckOutcome, ChangeOutcome, ListOutcome {
  /** Not an account of an organisation with the KP authority role. */
  public static NotAllowed notAnAuthority() {
    return new NotAllowed("This needs an account of an organisation with role [KP_AUTHORITY].");
  }
}

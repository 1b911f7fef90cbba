package org.kimberlite.certification;

/** What checking a draft came to: the rules' decision, or not allowed to ask. */
public sealed interface CheckOutcome permits CheckOutcome.Checked, NotAllowed {
  /** The rules' decision on the draft. */
  record Checked(KpRules.Decision decision) implements CheckOutcome {}
}

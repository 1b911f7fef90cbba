package org.kimberlite.registry;

/** What came of asking for an API token: issued, or why not. */
public sealed interface TokenIssue {

  /** Issued; the secret is shown this once. */
  record Issued(IssuedToken token) implements TokenIssue {}

  /** Refused under the registry's rules (the validity asked for); nothing issued. */
  record Refused(RuleBreach breach) implements TokenIssue {}

  /** Unknown username or wrong password (which of the two is not told). */
  record BadCredentials() implements TokenIssue {}
}

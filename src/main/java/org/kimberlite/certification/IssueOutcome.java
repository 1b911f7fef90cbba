package org.kimberlite.certification;

/** What asking to issue a certificate came to: issued, refused under the rules, or not allowed. */
public sealed interface IssueOutcome permits Issued, Refused, NotAllowed {}

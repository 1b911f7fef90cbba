package org.kimberlite.certification;

/** What asking to change a certificate's status (confirm, cancel) came to. */
public sealed interface ChangeOutcome
    permits Changed, Refused, NotFound, NotAllowed, ChangeOutcome.Invalid, ChangeOutcome.Conflict {

  /** A field of the request is missing or malformed (not a KP rule). */
  record Invalid(String field, String message) implements ChangeOutcome {}

  /** The certificate changed meanwhile: read it again. */
  record Conflict(String number) implements ChangeOutcome {}
}

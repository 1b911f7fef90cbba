package org.kimberlite.governance;

import java.util.Map;

/** What came of a step of a peer review visit. */
public sealed interface ReviewVisitOutcome {
  /** Done; the visit as it now stands. */
  record Done(ReviewVisit visit) implements ReviewVisitOutcome {}

  /** No such visit that the caller may see (the caller learns nothing more). */
  record NotFound() implements ReviewVisitOutcome {}

  /** The caller sees the visit, or knows the step exists, but does not take this step. */
  record NotAllowed(String reason) implements ReviewVisitOutcome {}

  /** The request is not valid: the fields at fault; nothing changed. */
  record Invalid(Map<String, String> errors) implements ReviewVisitOutcome {
    public Invalid {
      errors = Map.copyOf(errors);
    }
  }

  /** The step does not follow from where the visit stands; nothing changed. */
  record OutOfOrder(VisitStatus status, String message) implements ReviewVisitOutcome {}
}

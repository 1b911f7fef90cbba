package org.kimberlite.statistics;

import java.util.List;
import java.util.Objects;

/** What became of a production report submitted to {@link Statistics#submit}. */
public sealed interface SubmitOutcome {

  /** Recorded as the next revision. */
  record Filed(ProductionReport report) implements SubmitOutcome {
    public Filed {
      Objects.requireNonNull(report, "report");
    }
  }

  /** Not recorded: the figures break the rules named. */
  record Refused(List<Violation> violations) implements SubmitOutcome {
    public Refused {
      violations = List.copyOf(violations);
      if (violations.isEmpty()) {
        throw new IllegalArgumentException("a refusal names at least one violation");
      }
    }
  }

  /** Not recorded: only the participant's KP authority or the KP secretariat reports. */
  record NotAllowed(String reason) implements SubmitOutcome {}

  /** Not recorded: there is no participant with that code. */
  record UnknownParticipant(String code) implements SubmitOutcome {}

  /** A field of the submission and what is wrong with it. */
  record Violation(String field, String message) {}
}

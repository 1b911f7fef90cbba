package org.kimberlite.governance;

import java.util.Map;

/** What came of asking for a participant's monitoring or recording a recommendation. */
public sealed interface MonitoringOutcome {
  /** The participant's exports, matched and flagged. */
  record Report(MonitoringReport report) implements MonitoringOutcome {}

  /** Recorded, committed to the transparency log and audited. */
  record Recorded(Recommendation recommendation) implements MonitoringOutcome {}

  /**
   * Only the participant's monitoring team, the secretariat (and, to read, members of the Working
   * Group on Monitoring) follow a participant's monitoring.
   */
  record NotAllowed() implements MonitoringOutcome {}

  /** No such participant. */
  record Unknown(String participant) implements MonitoringOutcome {}

  /** The request is not valid: the fields at fault; nothing changed. */
  record Invalid(Map<String, String> errors) implements MonitoringOutcome {
    public Invalid {
      errors = Map.copyOf(errors);
    }
  }
}

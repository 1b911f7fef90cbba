package org.kimberlite.statistics;

import java.util.List;

/** What {@link DataQuality#findings(org.kimberlite.registry.Caller, int)} answers. */
public sealed interface ChecksOutcome {

  /** The year's findings, sorted by {@link Finding#ORDER}. */
  record Checked(List<Finding> findings) implements ChecksOutcome {
    public Checked {
      findings = List.copyOf(findings);
    }
  }

  /** Only the KP secretariat runs the checks. */
  record NotAllowed(String reason) implements ChecksOutcome {}
}

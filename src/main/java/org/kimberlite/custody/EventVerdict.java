package org.kimberlite.custody;

import java.util.List;

/** What the capture pipeline decided about one event, from every check's findings. */
public sealed interface EventVerdict {
  int eventIndex();

  /** Stored, with no finding. */
  record Accepted(int eventIndex) implements EventVerdict {}

  /** Stored, with findings for due diligence. */
  record Flagged(int eventIndex, List<Finding> findings) implements EventVerdict {
    public Flagged {
      findings = List.copyOf(findings);
    }
  }

  /** Not stored: stored before (same event hash ID). */
  record Known(int eventIndex) implements EventVerdict {}

  /** Not stored: at least one rule refuses it. */
  record Refused(int eventIndex, List<Finding> findings) implements EventVerdict {
    public Refused {
      findings = List.copyOf(findings);
    }
  }

  /** The verdict on event {@code index} from all findings about it (refusals win over flags). */
  static EventVerdict of(int index, List<Finding> findings) {
    List<Finding> refusals =
        findings.stream().filter(f -> f.effect() == Finding.Effect.REFUSE).toList();
    if (!refusals.isEmpty()) {
      return new Refused(index, refusals);
    }
    if (findings.stream().anyMatch(f -> f.effect() == Finding.Effect.KNOWN)) {
      return new Known(index);
    }
    List<Finding> flags = findings.stream().filter(f -> f.effect() == Finding.Effect.FLAG).toList();
    return flags.isEmpty() ? new Accepted(index) : new Flagged(index, flags);
  }
}

package org.kimberlite.certification;

import java.util.List;

/** Refused under the KP rules: every rule broken; nothing changed, the refusal is on record. */
public record Refused(List<Violation> violations)
    implements IssueOutcome, ChangeOutcome, DeleteOutcome {
  public Refused {
    violations = List.copyOf(violations);
  }

  /** The rules broken, each once, in order. */
  public List<String> rules() {
    return violations.stream().map(Violation::rule).distinct().sorted().toList();
  }
}

package org.kimberlite.governance;

import java.util.List;

/** What came of recording a decision. */
public sealed interface DecisionOutcome {
  /** Recorded, its orders applied in the registry, committed to the transparency log. */
  record Recorded(Decision decision) implements DecisionOutcome {}

  /** Only the KP secretariat records decisions. */
  record NotAllowed() implements DecisionOutcome {}

  /** Another decision has that number already; nothing recorded. */
  record NumberTaken(DecisionNumber number) implements DecisionOutcome {}

  /**
   * The decision or one of its orders breaks a rule (each breach names the field at fault); nothing
   * recorded.
   */
  record Refused(List<Breach> breaches) implements DecisionOutcome {
    public Refused {
      breaches = List.copyOf(breaches);
    }
  }

  /**
   * A rule broken by a decision to record.
   *
   * @param rule {@code GOV-01} ... or the registry's rule (a status that cannot follow, a zone
   *     without a framework)
   * @param field the field at fault ({@code effectiveOn}, {@code orders[1].change})
   */
  record Breach(String rule, String field, String message) {}
}

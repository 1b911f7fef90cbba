package org.kimberlite.diligence.internal.policies;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.Reconciling;
import org.kimberlite.diligence.Evidence;
import org.kimberlite.diligence.Severity;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.Policy;

/**
 * SOW-05: an organisation's warranted goods must balance over a period (opening stock plus what it
 * bought cover what it sold, its closing stock and what manufacturing lost, within the
 * reconciliation's tolerance). A period that falls short — more carats went out with a warranty, or
 * sit in stock, than came in with one — is a finding of the organisation (a surplus is a difference
 * custody lists for the organisation to explain, not a breach), with the reconciliation and the
 * events behind its first differences as evidence. The identity is the organisation and the period:
 * a period is judged once.
 */
@Policy(rules = {"SOW-05"})
public final class ReconciliationPolicy {
  /** Most events named as evidence. */
  public static final int MAX_EVENTS = 10;

  private ReconciliationPolicy() {}

  /**
   * @param period the period's name, such as {@code 2026-Q3}
   */
  public static Optional<Flag> sow05(
      Reconciling.Report report, String period, @Nullable ParticipantCode participant) {
    if (!report.flagged()) {
      return Optional.empty();
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(
        Links.reconciliation(
            report.organisation(),
            report.from(),
            report.to(),
            "Warranty reconciliation of "
                + report.organisationName()
                + " from "
                + report.from()
                + " to "
                + report.to()));
    Set<String> events = new LinkedHashSet<>();
    for (Reconciling.Difference d : report.differences()) {
      for (Reconciling.Line line : d.lines()) {
        if (events.size() < MAX_EVENTS && events.add(line.eventHash())) {
          evidence.add(Links.event(line.eventHash(), line.eventId()));
        }
      }
    }
    Reconciling.Figures f = report.figures();
    String summary =
        report.organisationName()
            + "'s warranted goods do not balance over "
            + period
            + ": opening "
            + f.opening()
            + " ct + bought "
            + f.bought()
            + " ct against sold "
            + f.sold()
            + " ct + closing "
            + f.closing()
            + " ct + manufacturing loss "
            + f.manufacturingLoss()
            + " ct: "
            + report.shortfall()
            + " ct more out with a warranty than came in with one ("
            + report.differences().size()
            + " differences listed).";
    return Optional.of(
        new Flag(
            "SOW-05",
            Severity.MEDIUM,
            report.organisation() + ":" + period,
            summary,
            evidence,
            Set.of(report.organisation()),
            participant == null ? Set.of() : Set.of(participant)));
  }
}

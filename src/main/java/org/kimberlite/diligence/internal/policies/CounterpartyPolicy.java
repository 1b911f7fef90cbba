package org.kimberlite.diligence.internal.policies;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kimberlite.diligence.Evidence;
import org.kimberlite.diligence.RiskEntry;
import org.kimberlite.diligence.Severity;
import org.kimberlite.registry.Organisation;
import org.kimberlite.registry.RjcCertification;
import org.kimberlite.registry.SowRegistration;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.Policy;

/**
 * DD-03: a company traded with a counterparty that, on the day of evaluation, has no current RJC
 * certification, no current SoW registration ID, or is on a sanctions list. The finding concerns
 * both: the counterparty and the company that deals with it. Its identity includes the state found
 * (the lapsed certification's number and end), so a lapse raises once and a later one again.
 */
@Policy(rules = "DD-03")
public final class CounterpartyPolicy {
  private CounterpartyPolicy() {}

  public static Optional<Flag> evaluate(
      Organisation counterparty,
      Organisation partner,
      String certificate,
      LocalDate on,
      List<RiskEntry> risks) {
    List<String> reasons = new ArrayList<>();
    List<String> state = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    boolean sanctioned = false;
    for (RiskEntry r : risks) {
      if (r.list().equals(RiskEntry.SANCTIONED_ENTITY)
          && r.subject().equals(counterparty.id().toString())
          && r.inForceOn(on)) {
        sanctioned = true;
        reasons.add("is on a sanctions list");
        state.add("sanctioned:" + r.id());
        evidence.add(Links.risk(r));
      }
    }
    RjcCertification rjc = counterparty.rjc();
    if (rjc == null || !rjc.currentOn(on)) {
      reasons.add(
          rjc == null
              ? "has no RJC certification"
              : "RJC certification " + rjc.number() + " lapsed on " + rjc.validUntil());
      state.add(rjc == null ? "rjc:none" : "rjc:" + rjc.number() + ":" + rjc.validUntil());
    }
    SowRegistration sow = counterparty.sow();
    if (sow == null || !sow.currentOn(on)) {
      reasons.add(
          sow == null
              ? "has no SoW registration ID"
              : "SoW registration " + sow.id() + " was due for renewal on " + sow.renewalDue());
      state.add(sow == null ? "sow:none" : "sow:" + sow.id() + ":" + sow.renewalDue());
    }
    if (reasons.isEmpty()) {
      return Optional.empty();
    }
    evidence.add(0, Links.organisation(counterparty.id(), counterparty.name()));
    evidence.add(Links.certificate(certificate));
    Set<ParticipantCode> participants = new java.util.HashSet<>();
    add(participants, counterparty.participant());
    add(participants, partner.participant());
    return Optional.of(
        new Flag(
            "DD-03",
            sanctioned ? Severity.HIGH : Severity.MEDIUM,
            counterparty.id() + ":" + partner.id() + ":" + String.join(",", state),
            "Counterparty " + counterparty.name() + " " + String.join("; ", reasons),
            evidence,
            Set.of(counterparty.id(), partner.id()),
            participants));
  }

  private static void add(Set<ParticipantCode> set, @Nullable ParticipantCode code) {
    if (code != null) {
      set.add(code);
    }
  }
}

package org.kimberlite.diligence.internal.policies;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.diligence.Evidence;
import org.kimberlite.diligence.RiskEntry;
import org.kimberlite.diligence.Severity;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.Policy;

/**
 * DD-01: a shipment's declared origin is a conflict-affected or high-risk area, a known transit
 * country of one, or a sanctioned origin; or it was shipped from (transited) one of those — the
 * exporter's country when it is not an origin. Lists as in force on the day of issue.
 */
@Policy(rules = "DD-01")
public final class RiskLocationPolicy {
  private RiskLocationPolicy() {}

  public static Optional<Flag> evaluate(KpCertificate c, List<RiskEntry> risks) {
    Set<String> origins = new LinkedHashSet<>(c.origin().codes());
    CountryCode shippedFrom = c.exporter().country();
    List<Evidence> evidence = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    boolean high = false;
    for (RiskEntry r : risks) {
      if (!r.inForceOn(c.issuedOn()) || r.list().equals(RiskEntry.SANCTIONED_ENTITY)) {
        continue;
      }
      boolean origin = origins.contains(r.subject());
      boolean transit = !origin && shippedFrom.code().equals(r.subject());
      if (!origin && !transit) {
        continue;
      }
      String what =
          switch (r.list()) {
            case RiskEntry.CAHRA -> "a conflict-affected or high-risk area";
            case RiskEntry.TRANSIT -> "a known transit country of " + r.relatedTo();
            default -> "a sanctioned origin";
          };
      reasons.add((origin ? "origin " : "shipped from ") + r.subject() + " is " + what);
      evidence.add(Links.risk(r));
      high |= !r.list().equals(RiskEntry.TRANSIT);
    }
    if (reasons.isEmpty()) {
      return Optional.empty();
    }
    evidence.add(0, Links.certificate(c.number()));
    return Optional.of(
        new Flag(
            "DD-01",
            high ? Severity.HIGH : Severity.MEDIUM,
            c.number(),
            c.number() + ": " + String.join("; ", reasons),
            evidence,
            Set.of(c.exporter().organisationId(), c.importer().organisationId()),
            Set.of(c.issuingParticipant(), c.importingParticipant())));
  }
}

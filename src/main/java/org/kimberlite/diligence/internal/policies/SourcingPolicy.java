package org.kimberlite.diligence.internal.policies;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.diligence.Evidence;
import org.kimberlite.diligence.RiskEntry;
import org.kimberlite.diligence.Severity;
import org.kimberlite.shared.Policy;

/**
 * DD-04: the exporter of a shipment (the importer's counterparty) was itself the importer of goods
 * whose declared origin was a red-flag location (a conflict-affected or high-risk area, a known
 * transit country of one, or a sanctioned origin, as in force then) in the twelve months before.
 * The finding concerns the importer that now buys from it, and the exporter.
 */
@Policy(rules = "DD-04")
public final class SourcingPolicy {
  private SourcingPolicy() {}

  public static Optional<Flag> evaluate(
      KpCertificate shipment, List<KpCertificate> window, List<RiskEntry> risks) {
    List<Evidence> evidence = new ArrayList<>();
    List<String> sourced = new ArrayList<>();
    for (KpCertificate in : window) {
      if (!in.importer().organisationId().equals(shipment.exporter().organisationId())
          || in.issuedOn().isAfter(shipment.issuedOn())
          || in.issuedOn().isBefore(shipment.issuedOn().minusMonths(12))) {
        continue;
      }
      for (RiskEntry r : risks) {
        if (!r.list().equals(RiskEntry.SANCTIONED_ENTITY)
            && r.inForceOn(in.issuedOn())
            && in.origin().codes().contains(r.subject())) {
          sourced.add(in.number() + " (origin " + r.subject() + ", " + r.list() + ")");
          evidence.add(Links.certificate(in.number()));
          evidence.add(Links.risk(r));
          break;
        }
      }
    }
    if (sourced.isEmpty()) {
      return Optional.empty();
    }
    evidence.add(0, Links.certificate(shipment.number()));
    return Optional.of(
        new Flag(
            "DD-04",
            Severity.MEDIUM,
            shipment.number(),
            shipment.exporter().name()
                + ", the counterparty on "
                + shipment.number()
                + ", sourced from a red-flag location in the 12 months before: "
                + String.join("; ", sourced),
            evidence.stream().distinct().limit(40).toList(),
            Set.of(shipment.importer().organisationId(), shipment.exporter().organisationId()),
            Set.of(shipment.importingParticipant(), shipment.issuingParticipant())));
  }
}

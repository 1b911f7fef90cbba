package org.kimberlite.diligence.internal.policies;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kimberlite.diligence.Evidence;
import org.kimberlite.diligence.Severity;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.Policy;

/**
 * DD-02, origin claimed beyond production: the carats a participant certified for export in a year
 * as of its own origin (a single origin that is the issuing authority's country) exceed its
 * reported production for that year plus the stock it could have carried from the year before (that
 * year's production less that year's own-origin exports, never below zero). A participant that
 * reported no production has none: any own-origin export is beyond it.
 */
@Policy(rules = "DD-02")
public final class ProductionPolicy {
  /** Certificates named as evidence at most. */
  static final int MAX_EVIDENCE = 20;

  private ProductionPolicy() {}

  /**
   * @param exported the carats it certified for export in {@code year} as of its own origin
   * @param exportedBefore the same, the year before
   * @param production its reported production in {@code year} (zero when none reported)
   * @param productionBefore its reported production the year before (zero when none)
   * @param certificates some of the year's own-origin certificates (evidence)
   * @param organisations their issuing authorities and exporters
   */
  public static Optional<Flag> evaluate(
      ParticipantCode participant,
      int year,
      Carats exported,
      Carats exportedBefore,
      Carats production,
      Carats productionBefore,
      List<String> certificates,
      Set<UUID> organisations) {
    if (exported.compareTo(Carats.ZERO) <= 0) {
      return Optional.empty();
    }
    Carats stock =
        productionBefore.compareTo(exportedBefore) > 0
            ? productionBefore.minus(exportedBefore)
            : Carats.ZERO;
    Carats available = production.plus(stock);
    if (exported.compareTo(available) <= 0) {
      return Optional.empty();
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(
        Links.statistics(
            participant.code(),
            year + "-FY",
            "Production reported for " + year + ": " + production + " ct"));
    certificates.stream().limit(MAX_EVIDENCE).forEach(n -> evidence.add(Links.certificate(n)));
    return Optional.of(
        new Flag(
            "DD-02",
            Severity.HIGH,
            participant.code() + ":" + year,
            participant.code()
                + " certified "
                + exported
                + " ct of its own origin for export in "
                + year
                + ", beyond its reported production of "
                + production
                + " ct plus "
                + stock
                + " ct carried from "
                + (year - 1),
            evidence,
            organisations,
            Set.of(participant)));
  }
}

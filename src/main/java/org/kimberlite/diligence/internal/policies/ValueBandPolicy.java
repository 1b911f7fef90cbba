package org.kimberlite.diligence.internal.policies;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.diligence.Severity;
import org.kimberlite.diligence.ValueVerdict;
import org.kimberlite.shared.Policy;

/**
 * KP-11 and VAL-02, the seam for valuation's plausibility bands: the verdicts a band check gave on
 * a certificate's HS lines become one finding per rule when any line is outside its band. The bands
 * themselves are the valuation module's.
 */
@Policy(rules = {"KP-11", "VAL-02"})
public final class ValueBandPolicy {
  private ValueBandPolicy() {}

  public static List<Flag> evaluate(KpCertificate c, List<ValueVerdict> verdicts) {
    List<Flag> out = new ArrayList<>();
    for (String rule : List.of("KP-11", "VAL-02")) {
      List<String> outside =
          verdicts.stream()
              .filter(v -> v.rule().equals(rule) && v.outsideBand())
              .map(v -> v.hsCode() + " at " + v.declared() + " USD/ct: " + v.explanation())
              .toList();
      if (!outside.isEmpty()) {
        out.add(
            new Flag(
                rule,
                Severity.MEDIUM,
                c.number(),
                c.number() + " value outside its band: " + String.join("; ", outside),
                List.of(Links.certificate(c.number())),
                Set.of(c.exporter().organisationId(), c.issuingAuthority().organisationId()),
                Set.of(c.issuingParticipant())));
      }
    }
    return out;
  }
}

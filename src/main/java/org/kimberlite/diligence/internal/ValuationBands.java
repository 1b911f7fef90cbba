package org.kimberlite.diligence.internal;

import java.util.ArrayList;
import java.util.List;
import org.kimberlite.certification.CertificateLine;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.OriginKind;
import org.kimberlite.diligence.ValueVerdict;
import org.kimberlite.shared.UsdPerCarat;
import org.kimberlite.valuation.CheckingValues;
import org.kimberlite.valuation.ValueClaim;
import org.kimberlite.valuation.Verdict;
import org.springframework.stereotype.Component;

/**
 * The valuation module's plausibility bands behind diligence's seam: each HS line of a certificate
 * is checked on its issue date against the band of its origin and flow (KP-11) and, where price
 * books cover a breakdown, against the reference value (VAL-02). A line with no band raises
 * nothing; the reason stays in the valuation's own answer.
 */
@Component
class ValuationBands implements ValueVerdict.ValueBands {
  private final CheckingValues checking;

  ValuationBands(CheckingValues checking) {
    this.checking = checking;
  }

  @Override
  public List<ValueVerdict> check(KpCertificate certificate) {
    List<ValueClaim.Line> lines = new ArrayList<>();
    for (CertificateLine l : certificate.lines()) {
      lines.add(new ValueClaim.Line(l.hsCode(), l.carats(), l.valueUsd()));
    }
    ValueClaim claim =
        new ValueClaim(
            certificate.origin().countries(),
            certificate.origin().kind() != OriginKind.SINGLE,
            certificate.issuingParticipant(),
            certificate.issuedOn(),
            lines);
    List<Verdict.LineVerdict> judged =
        switch (checking.check(claim)) {
          case Verdict.Within w -> w.lines();
          case Verdict.Outside o -> o.lines();
          case Verdict.NoBand n -> n.lines();
        };
    List<ValueVerdict> out = new ArrayList<>();
    for (Verdict.LineVerdict v : judged) {
      if (v.declaredPerCarat() == null) {
        continue;
      }
      UsdPerCarat declared = v.declaredPerCarat();
      if (v.band() != null) {
        out.add(
            new ValueVerdict(
                "KP-11", v.hsCode(), declared, !v.band().contains(declared), v.explanation()));
      }
      if (v.book() != null) {
        out.add(
            new ValueVerdict("VAL-02", v.hsCode(), declared, !v.book().within(), v.explanation()));
      }
    }
    return out;
  }
}

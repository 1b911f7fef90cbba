package org.kimberlite.diligence.internal.policies;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kimberlite.certification.CertificateLine;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.OriginKind;
import org.kimberlite.diligence.Evidence;
import org.kimberlite.diligence.Severity;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.Policy;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.shared.UsdPerCarat;

/**
 * DD-05: a re-export (its origin is not the issuing country, or mixed) whose USD per carat on an HS
 * line exceeds by more than {@code factor} times, or falls below one {@code factor}-th of, the
 * average USD per carat of the matching imports — the same HS code into the same participant in the
 * twelve months before. Without matching imports there is nothing to compare.
 */
@Policy(rules = "DD-05")
public final class TransferPricingPolicy {
  private TransferPricingPolicy() {}

  public static Optional<Flag> evaluate(
      KpCertificate export, List<KpCertificate> window, BigDecimal factor) {
    String issuingCountry = export.issuingAuthority().country().code();
    boolean reExport =
        export.origin().kind() != OriginKind.SINGLE
            || !export.origin().codes().equals(List.of(issuingCountry));
    if (!reExport) {
      return Optional.empty();
    }
    List<String> reasons = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(Links.certificate(export.number()));
    for (CertificateLine line : export.lines()) {
      List<Carats> carats = new ArrayList<>();
      List<UsdAmount> values = new ArrayList<>();
      List<String> imports = new ArrayList<>();
      for (KpCertificate in : window) {
        if (in.status() == CertificateStatus.CANCELLED
            || !in.importingParticipant().equals(export.issuingParticipant())
            || in.issuedOn().isAfter(export.issuedOn())
            || in.issuedOn().isBefore(export.issuedOn().minusMonths(12))
            || in.number().equals(export.number())) {
          continue;
        }
        for (CertificateLine l : in.lines()) {
          if (l.hsCode().equals(line.hsCode())) {
            carats.add(l.carats());
            values.add(l.valueUsd());
            if (!imports.contains(in.number())) {
              imports.add(in.number());
            }
          }
        }
      }
      Optional<UsdPerCarat> before = UsdPerCarat.of(UsdAmount.sum(values), Carats.sum(carats));
      Optional<UsdPerCarat> now = UsdPerCarat.of(line.valueUsd(), line.carats());
      if (imports.isEmpty() || before.isEmpty() || now.isEmpty()) {
        continue;
      }
      // exact: the line's value × imported carats against imported value × factor × its carats
      BigDecimal lineByImports = line.valueUsd().value().multiply(Carats.sum(carats).value());
      BigDecimal importsByLine = UsdAmount.sum(values).value().multiply(line.carats().value());
      if (lineByImports.compareTo(importsByLine.multiply(factor)) > 0
          || lineByImports.multiply(factor).compareTo(importsByLine) < 0) {
        reasons.add(
            line.hsCode()
                + " at "
                + now.get()
                + " USD/ct against "
                + before.get()
                + " USD/ct for "
                + imports.size()
                + " matching import(s)");
        imports.stream().limit(10).forEach(n -> evidence.add(Links.certificate(n)));
      }
    }
    if (reasons.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Flag(
            "DD-05",
            Severity.MEDIUM,
            export.number(),
            "Re-export " + export.number() + ": " + String.join("; ", reasons),
            evidence,
            Set.of(export.exporter().organisationId(), export.issuingAuthority().organisationId()),
            Set.of(export.issuingParticipant())));
  }
}

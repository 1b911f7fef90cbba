package org.kimberlite.certification.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.CertificateLine;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.certification.IssueRequest;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.Origin;
import org.kimberlite.certification.Party;
import org.kimberlite.registry.Organisation;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;

/**
 * Normalisation of an issue request that the rules accepted: trimmed, upper-cased codes and exact
 * quantities, as the unsigned certificate.
 */
public final class CertificateDrafts {
  private CertificateDrafts() {}

  /** The importing participant of an accepted request. */
  public static ParticipantCode importingParticipant(IssueRequest request) {
    return ParticipantCode.of(upper(required(request.importingParticipant())));
  }

  /** The unsigned certificate of an accepted request; its fields are known to be valid. */
  public static KpCertificate unsigned(
      IssueRequest request,
      String number,
      ParticipantCode issuing,
      Party issuer,
      Organisation exporter,
      Organisation importer) {
    List<CertificateLine> lines =
        request.lines().stream()
            .map(
                l ->
                    new CertificateLine(
                        HsCode.of(required(l.hsCode()).strip()),
                        Carats.of(new BigDecimal(required(l.carats()).strip())),
                        UsdAmount.of(new BigDecimal(required(l.valueUsd()).strip()))))
            .toList();
    List<CountryCode> countries =
        request.originCountries().stream().map(s -> CountryCode.of(upper(s))).toList();
    return new KpCertificate(
        number,
        issuing,
        issuer,
        party(exporter),
        party(importer),
        importingParticipant(request),
        new Origin(required(request.originKind()), countries),
        lines,
        required(request.parcels()),
        required(request.sealId()).strip(),
        required(request.issuedOn()),
        required(request.expiresOn()),
        CertificateStatus.ISSUED,
        required(request.issuedOn()),
        "");
  }

  /** The origin zone as signed: trimmed, or none. */
  public static @Nullable String zone(IssueRequest request) {
    return request.originZone() == null ? null : request.originZone().strip();
  }

  public static Party party(Organisation o) {
    return new Party(o.id(), o.name(), o.country());
  }

  private static String upper(String s) {
    return s.strip().toUpperCase(Locale.ROOT);
  }

  private static <T> T required(@Nullable T value) {
    if (value == null) {
      throw new IllegalStateException("an accepted request has every item");
    }
    return value;
  }
}

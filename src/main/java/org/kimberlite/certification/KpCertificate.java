package org.kimberlite.certification;

import java.time.LocalDate;
import java.util.List;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;

/**
 * A KP certificate with every Annex I item (docs/rules.md): number with the issuer's ISO 3166-1
 * alpha-2 prefix, origin, dates of issue and expiry, issuing authority, exporter and importer,
 * carats, value in US dollars, parcels, HS codes and the validation (a JWS by the authority's key).
 *
 * @param issuingParticipant the exporting KP participant
 * @param importingParticipant the importing KP participant (EU for its member states)
 * @param sealId the identifier of the tamper-resistant container's seal
 * @param statusOn the day the current status took effect
 * @param signature the issuing authority's JWS over the certificate's canonical form
 */
public record KpCertificate(
    String number,
    ParticipantCode issuingParticipant,
    Party issuingAuthority,
    Party exporter,
    Party importer,
    ParticipantCode importingParticipant,
    Origin origin,
    List<CertificateLine> lines,
    int parcels,
    String sealId,
    LocalDate issuedOn,
    LocalDate expiresOn,
    CertificateStatus status,
    LocalDate statusOn,
    String signature) {

  /** The fixed title and statement of Annex I item (a). */
  public static final String TITLE = "Kimberley Process Certificate";

  public static final String STATEMENT =
      "The rough diamonds in this shipment have been handled in accordance with the provisions of"
          + " the Kimberley Process Certification Scheme for rough diamonds";

  public KpCertificate {
    lines = List.copyOf(lines);
  }

  /** The same certificate with its validation signature. */
  public KpCertificate withSignature(String jws) {
    return new KpCertificate(
        number,
        issuingParticipant,
        issuingAuthority,
        exporter,
        importer,
        importingParticipant,
        origin,
        lines,
        parcels,
        sealId,
        issuedOn,
        expiresOn,
        status,
        statusOn,
        jws);
  }

  /** The same certificate with these HS lines. */
  public KpCertificate withLines(List<CertificateLine> newLines) {
    return new KpCertificate(
        number,
        issuingParticipant,
        issuingAuthority,
        exporter,
        importer,
        importingParticipant,
        origin,
        newLines,
        parcels,
        sealId,
        issuedOn,
        expiresOn,
        status,
        statusOn,
        signature);
  }

  /** The same certificate with another status, taken effect on {@code on}. */
  public KpCertificate withStatus(CertificateStatus newStatus, LocalDate on) {
    return new KpCertificate(
        number,
        issuingParticipant,
        issuingAuthority,
        exporter,
        importer,
        importingParticipant,
        origin,
        lines,
        parcels,
        sealId,
        issuedOn,
        expiresOn,
        newStatus,
        on,
        signature);
  }

  public Carats carats() {
    return Carats.sum(lines.stream().map(CertificateLine::carats).toList());
  }

  public UsdAmount valueUsd() {
    return UsdAmount.sum(lines.stream().map(CertificateLine::valueUsd).toList());
  }
}

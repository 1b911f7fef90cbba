package org.kimberlite.federation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kimberlite.certification.CertificateLine;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.Origin;
import org.kimberlite.certification.OriginKind;
import org.kimberlite.certification.Party;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.ParticipantCode;
import tools.jackson.databind.JsonNode;

/**
 * The certificate an incoming record holds, read back from the canonical JSON the exporting node
 * committed (certification's {@code CertificateRecords.issued}), so that the importing node checks
 * a confirmation against it with the rules a single node uses.
 */
public final class IncomingRecords {
  private IncomingRecords() {}

  /** Raised when a record held is not a certificate record (never for one admitted). */
  public static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The certificate of {@code record}, with the status and status date given. */
  public static KpCertificate certificate(
      String record, CertificateStatus status, LocalDate statusOn) {
    try {
      JsonNode r = StrictJson.MAPPER.readTree(record);
      List<CertificateLine> lines = new ArrayList<>();
      for (JsonNode l : r.get("lines")) {
        lines.add(
            new CertificateLine(
                HsCode.of(l.get("hsCode").asString()),
                Carats.of(l.get("carats").asString()),
                org.kimberlite.shared.UsdAmount.of(l.get("valueUsd").asString())));
      }
      List<CountryCode> countries = new ArrayList<>();
      for (JsonNode c : r.get("origin").get("countries")) {
        countries.add(CountryCode.of(c.asString()));
      }
      return new KpCertificate(
          r.get("number").asString(),
          ParticipantCode.of(r.get("issuingParticipant").asString()),
          party(r.get("issuingAuthority")),
          party(r.get("exporter")),
          party(r.get("importer")),
          ParticipantCode.of(r.get("importingParticipant").asString()),
          new Origin(OriginKind.valueOf(r.get("origin").get("kind").asString()), countries),
          lines,
          r.get("parcels").asInt(),
          r.get("sealId").asString(),
          LocalDate.parse(r.get("issuedOn").asString()),
          LocalDate.parse(r.get("expiresOn").asString()),
          status,
          statusOn,
          r.get("signature").asString());
    } catch (RuntimeException e) {
      throw new Unreadable("not a certificate record: " + e.getMessage(), e);
    }
  }

  /** The expiry date of the certificate in {@code record}. */
  public static LocalDate expiresOn(String record) {
    try {
      return LocalDate.parse(StrictJson.MAPPER.readTree(record).get("expiresOn").asString());
    } catch (RuntimeException e) {
      throw new Unreadable("not a certificate record: " + e.getMessage(), e);
    }
  }

  private static Party party(JsonNode p) {
    return new Party(
        UUID.fromString(p.get("id").asString()),
        p.get("name").asString(),
        CountryCode.of(p.get("country").asString()));
  }
}

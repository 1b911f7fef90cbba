package org.kimberlite.certification.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.CertificateLine;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.Party;
import org.kimberlite.certification.Violation;

/** The JSON of a certificate for its parties and authorities: decimals as strings. */
record CertificateJson(
    String number,
    String status,
    LocalDate statusOn,
    String issuingParticipant,
    PartyJson issuingAuthority,
    PartyJson exporter,
    PartyJson importer,
    String importingParticipant,
    OriginJson origin,
    List<LineJson> lines,
    String carats,
    String valueUsd,
    int parcels,
    String sealId,
    LocalDate issuedOn,
    LocalDate expiresOn,
    String signature,
    @Nullable LogJson log,
    List<FlagJson> flags) {

  record PartyJson(UUID id, String name, String country) {
    static PartyJson of(Party p) {
      return new PartyJson(p.organisationId(), p.name(), p.country().code());
    }
  }

  record OriginJson(String kind, List<String> countries) {}

  record LineJson(String hsCode, String carats, String valueUsd) {
    static LineJson of(CertificateLine l) {
      return new LineJson(l.hsCode().code(), l.carats().toString(), l.valueUsd().toString());
    }
  }

  record LogJson(UUID entryId, @Nullable Long index, String leafHash) {}

  record FlagJson(String rule, String field, String message) {
    static FlagJson of(Violation v) {
      return new FlagJson(v.rule(), v.field(), v.message());
    }
  }

  static CertificateJson of(KpCertificate c, @Nullable LogJson log, List<Violation> flags) {
    return new CertificateJson(
        c.number(),
        c.status().name(),
        c.statusOn(),
        c.issuingParticipant().code(),
        PartyJson.of(c.issuingAuthority()),
        PartyJson.of(c.exporter()),
        PartyJson.of(c.importer()),
        c.importingParticipant().code(),
        new OriginJson(
            c.origin().kind().name().toLowerCase(java.util.Locale.ROOT), c.origin().codes()),
        c.lines().stream().map(LineJson::of).toList(),
        c.carats().toString(),
        c.valueUsd().toString(),
        c.parcels(),
        c.sealId(),
        c.issuedOn(),
        c.expiresOn(),
        c.signature(),
        log,
        flags.stream().map(FlagJson::of).toList());
  }
}

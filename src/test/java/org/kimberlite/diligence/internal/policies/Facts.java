package org.kimberlite.diligence.internal.policies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.CertificateLine;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.Origin;
import org.kimberlite.certification.OriginKind;
import org.kimberlite.certification.Party;
import org.kimberlite.diligence.RiskEntry;
import org.kimberlite.registry.Organisation;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.RjcCertification;
import org.kimberlite.registry.SowRegistration;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;

/** Facts for the policies' unit tests. */
final class Facts {
  static final LocalDate DAY = LocalDate.of(2026, 6, 15);
  static final UUID BW_AUTHORITY = new UUID(1, 1);
  static final UUID AE_AUTHORITY = new UUID(1, 2);
  static final UUID EXPORTER = new UUID(2, 1);
  static final UUID IMPORTER = new UUID(2, 2);

  private Facts() {}

  static KpCertificate cert(
      String number,
      String from,
      String to,
      String origin,
      LocalDate issued,
      String carats,
      String usd) {
    return cert(number, from, to, origin, issued, carats, usd, EXPORTER, IMPORTER);
  }

  static KpCertificate cert(
      String number,
      String from,
      String to,
      String origin,
      LocalDate issued,
      String carats,
      String usd,
      UUID exporter,
      UUID importer) {
    Origin o =
        origin.equals("MIXED")
            ? new Origin(OriginKind.MIXED, List.of())
            : new Origin(OriginKind.SINGLE, List.of(CountryCode.of(origin)));
    return new KpCertificate(
        number,
        ParticipantCode.of(from),
        new Party(
            from.equals("BW") ? BW_AUTHORITY : AE_AUTHORITY,
            from + " authority",
            CountryCode.of(from)),
        new Party(exporter, "Exporter " + exporter, CountryCode.of(from)),
        new Party(importer, "Importer " + importer, CountryCode.of(to.equals("EU") ? "BE" : to)),
        ParticipantCode.of(to),
        o,
        List.of(new CertificateLine(HsCode.NON_INDUSTRIAL, Carats.of(carats), UsdAmount.of(usd))),
        1,
        "SEAL-1",
        issued,
        issued.plusDays(30),
        CertificateStatus.ISSUED,
        issued,
        "");
  }

  static RiskEntry risk(String list, String subject, @Nullable String related, LocalDate from) {
    return new RiskEntry(
        UUID.nameUUIDFromBytes((list + subject).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        list,
        subject,
        related,
        from,
        null,
        "test source",
        "test",
        Instant.EPOCH);
  }

  static Organisation org(UUID id, @Nullable RjcCertification rjc, @Nullable SowRegistration sow) {
    return new Organisation(
        id,
        "Org " + id,
        CountryCode.of("BW"),
        ParticipantCode.of("BW"),
        java.util.Set.of(OrganisationRole.TRADER),
        sow,
        rjc,
        0);
  }
}

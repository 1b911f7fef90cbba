package org.kimberlite.certification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.Standing;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.Policy;

/**
 * The Kimberley Process rules KP-01 to KP-11 (docs/rules.md) as pure decisions: given a request and
 * what the registry knows, return every rule broken (blocks) and every flag raised. No database, no
 * clock: the context supplies both.
 */
@Policy(
    rules = {
      "KP-01", "KP-02", "KP-03", "KP-04", "KP-05", "KP-06", "KP-07", "KP-08", "KP-09", "KP-11"
    })
public final class KpRules {
  /** KP-06: what a certificate number may look like (the issuer's prefix is checked apart). */
  static final java.util.regex.Pattern NUMBER_SHAPE =
      java.util.regex.Pattern.compile("[A-Z]{2}[A-Z0-9/-]{1,30}");

  private KpRules() {}

  /** What the rules need to know about an organisation. */
  public record OrganisationFacts(
      UUID id,
      String name,
      CountryCode country,
      @Nullable ParticipantCode participant,
      boolean authority) {}

  /** What the rules read from the registry and the certificate store. */
  public interface IssueContext {
    LocalDate today();

    /** The issuing authority: its participant and country. */
    OrganisationFacts issuer();

    Optional<OrganisationFacts> organisation(UUID id);

    /** The participant a country trades under, if any. */
    Optional<ParticipantCode> participantForCountry(CountryCode country);

    /** A participant's standing on a day; empty when no such participant is listed. */
    Optional<Standing> standing(ParticipantCode participant, LocalDate day);

    boolean numberTaken(String number);

    /** Whether {@code number} lies in the issuer's number range. */
    boolean inRange(String number);

    /**
     * KP-11: the band of USD per carat for goods of these origins (mixed or one country's) from the
     * issuer's participant on the date of issue; empty when there is none to judge by.
     */
    Optional<KpValueBands.ValueBand> valueBand(List<CountryCode> origins, boolean mixed);

    /**
     * KP-05: how many days the date of issue may lie before or after the server's date, for
     * authorities in other time zones. A certificate is dated the day it is issued: never
     * back-dated (which would dodge today's standing) nor post-dated.
     */
    int issueDateToleranceDays();

    /** KP-05: the longest validity a certificate may carry, in days from its date of issue. */
    int maxValidityDays();
  }

  /** The outcome: violations block the issue; flags are recorded on the certificate. */
  public record Decision(List<Violation> violations, List<Violation> flags) {
    public boolean accepted() {
      return violations.isEmpty();
    }
  }

  public static Decision checkIssue(IssueRequest r, IssueContext c) {
    List<Violation> v = new ArrayList<>();
    List<Violation> flags = new ArrayList<>();
    OrganisationFacts issuer = c.issuer();
    ParticipantCode exporting = issuer.participant();

    // KP-01: every Annex I item is there.
    Optional<OrganisationFacts> exporter = Optional.empty();
    Optional<OrganisationFacts> importer = Optional.empty();
    if (r.exporter() == null) {
      v.add(new Violation("KP-01", "exporter", "the exporter must be identified"));
    } else {
      exporter = c.organisation(r.exporter());
      if (exporter.isEmpty()) {
        v.add(new Violation("KP-01", "exporter", "no registered organisation " + r.exporter()));
      }
    }
    if (r.importer() == null) {
      v.add(new Violation("KP-01", "importer", "the importer must be identified"));
    } else {
      importer = c.organisation(r.importer());
      if (importer.isEmpty()) {
        v.add(new Violation("KP-01", "importer", "no registered organisation " + r.importer()));
      }
    }
    if (blank(r.importingParticipant())) {
      v.add(
          new Violation("KP-01", "importingParticipant", "the importing participant is required"));
    }
    if (r.originKind() == null) {
      v.add(new Violation("KP-01", "origin", "the origin (single, mixed or listed) is required"));
    }
    if (r.lines().isEmpty()) {
      v.add(new Violation("KP-01", "lines", "at least one HS line with carats and value"));
    }
    if (r.parcels() == null || r.parcels() < 1) {
      v.add(new Violation("KP-01", "parcels", "the number of parcels must be at least 1"));
    }
    if (r.issuedOn() == null) {
      v.add(new Violation("KP-01", "issuedOn", "the date of issue is required"));
    }
    if (r.expiresOn() == null) {
      v.add(new Violation("KP-01", "expiresOn", "the date of expiry is required"));
    }
    if (blank(r.sealId())) {
      v.add(
          new Violation(
              "KP-09",
              "sealId",
              "the seal of the tamper-resistant container is recorded at issue"));
    }
    for (int i = 0; i < r.lines().size(); i++) {
      lineRules(r.lines().get(i), "lines[" + i + "]", v);
    }

    // KP-05: dates.
    if (r.issuedOn() != null && r.expiresOn() != null && r.issuedOn().isAfter(r.expiresOn())) {
      v.add(new Violation("KP-05", "expiresOn", "expiry must not be before the date of issue"));
    }
    int tolerance = c.issueDateToleranceDays();
    if (r.issuedOn() != null && r.issuedOn().isAfter(c.today().plusDays(tolerance))) {
      v.add(new Violation("KP-05", "issuedOn", "a certificate cannot be issued in the future"));
    } else if (r.issuedOn() != null && r.issuedOn().isBefore(c.today().minusDays(tolerance))) {
      v.add(
          new Violation(
              "KP-05",
              "issuedOn",
              "a certificate is dated the day it is issued ("
                  + c.today()
                  + (tolerance > 0 ? ", give or take " + tolerance + " day(s)" : "")
                  + "); it cannot be back-dated"));
    }
    if (r.expiresOn() != null && r.expiresOn().isBefore(c.today())) {
      v.add(new Violation("KP-05", "expiresOn", "the certificate would be expired already"));
    }
    LocalDate validFrom = r.issuedOn() == null ? c.today() : r.issuedOn();
    if (r.expiresOn() != null && r.expiresOn().isAfter(validFrom.plusDays(c.maxValidityDays()))) {
      v.add(
          new Violation(
              "KP-05",
              "expiresOn",
              "a certificate is valid for at most "
                  + c.maxValidityDays()
                  + " days from its date of issue"));
    }

    // KP-03: both participants current and in good standing on the day the server issues it,
    // whatever date the request carries; parties belong to them.
    LocalDate day = c.today();
    if (exporting == null) {
      v.add(new Violation("KP-03", "issuer", "the issuing authority belongs to no participant"));
    } else {
      Optional<Standing> exportingStanding = c.standing(exporting, day);
      if (exportingStanding.isPresent()
          && exportingStanding.get().isParticipant()
          && !exportingStanding.get().inGoodStanding()
          && !exportingStanding.get().compliantZones().isEmpty()) {
        // Under an operational framework a suspended participant exports only goods mined in its
        // own compliant zones (KP-04 checks the zone); it may not re-export anything else.
        CountryCode own = countryCode(exporting.code());
        boolean ownOriginOnly =
            r.originKind() == OriginKind.SINGLE
                && r.originCountries().size() == 1
                && own != null
                && own.code().equals(upper(r.originCountries().get(0)));
        if (!ownOriginOnly) {
          v.add(
              new Violation(
                  "KP-03",
                  "issuer",
                  exporting
                      + " is suspended on "
                      + day
                      + " and exports under its operational framework only goods mined in its"
                      + " compliant zones "
                      + exportingStanding.get().compliantZones()
                      + ", of its own single origin"));
        }
      } else {
        standing(c, exporting, day, "issuer", "exporting participant", v);
      }
      exporter.ifPresent(
          e -> {
            if (!exporting.equals(e.participant())) {
              v.add(
                  new Violation(
                      "KP-03",
                      "exporter",
                      "the exporter trades under "
                          + (e.participant() == null ? "no participant" : e.participant())
                          + ", not the exporting participant "
                          + exporting));
            }
          });
    }
    String importingText = blank(r.importingParticipant()) ? null : upper(r.importingParticipant());
    ParticipantCode importing = importingText == null ? null : participantCode(importingText);
    if (importingText != null && importing == null) {
      v.add(
          new Violation(
              "KP-03",
              "importingParticipant",
              importingText + " is not a KP participant on " + day + " (importing participant)"));
    }
    if (importing != null) {
      CountryCode asCountry = countryCode(importing.code());
      ParticipantCode resolved =
          asCountry == null ? importing : c.participantForCountry(asCountry).orElse(importing);
      if (!resolved.equals(importing)) {
        v.add(
            new Violation(
                "KP-03",
                "importingParticipant",
                importing + " trades under the participant " + resolved + "; name " + resolved));
      } else {
        standing(c, importing, day, "importingParticipant", "importing participant", v);
      }
      if (importing.equals(exporting)) {
        v.add(
            new Violation(
                "KP-03",
                "importingParticipant",
                "a KP certificate covers a shipment between two participants, not within "
                    + importing));
      }
      importer.ifPresent(
          i -> {
            if (!importing.equals(i.participant())) {
              v.add(
                  new Violation(
                      "KP-03",
                      "importer",
                      "the importer trades under "
                          + (i.participant() == null
                              ? "no participant (a non-participant is never a trade partner)"
                              : i.participant())
                          + ", not "
                          + importing));
            }
          });
    }

    // KP-04: origin.
    if (r.originKind() != null) {
      originRules(r, c, day, v);
    }

    // KP-06: number unique and in range.
    if (!blank(r.number())) {
      String number = r.number().strip();
      if (!NUMBER_SHAPE.matcher(number).matches()) {
        v.add(
            new Violation(
                "KP-06",
                "number",
                "a certificate number is the issuer's two-letter prefix and up to 30 letters,"
                    + " digits, '-' or '/'"));
      } else if (!number.startsWith(issuer.country().code())) {
        v.add(
            new Violation(
                "KP-06",
                "number",
                "the number must carry the issuer's prefix " + issuer.country()));
      } else if (!c.inRange(number)) {
        v.add(
            new Violation("KP-06", "number", number + " is outside the authority's number range"));
      }
      if (NUMBER_SHAPE.matcher(number).matches() && c.numberTaken(number)) {
        v.add(new Violation("KP-06", "number", number + " has been issued already"));
      }
    }

    // KP-11: value plausibility (a flag, never a block), against the band of the origin and flow.
    if (v.isEmpty() && r.originKind() != null) {
      List<CountryCode> origins = new ArrayList<>();
      for (String o : r.originCountries()) {
        CountryCode code = countryCode(upper(o));
        if (code != null) {
          origins.add(code);
        }
      }
      Optional<KpValueBands.ValueBand> band =
          c.valueBand(List.copyOf(origins), r.originKind() != OriginKind.SINGLE);
      if (band.isPresent()) {
        for (int i = 0; i < r.lines().size(); i++) {
          plausibility(r.lines().get(i), "lines[" + i + "]", band.get(), flags);
        }
      }
    }
    return new Decision(List.copyOf(v), List.copyOf(flags));
  }

  /**
   * The rules of an import confirmation (KP-05, KP-07, KP-08; KP-09 flags a seal that differs): it
   * quotes the certificate's parcels, carats, importer and exporter, happens before expiry, and a
   * certificate is confirmed at most once, never when cancelled or expired.
   */
  public static Decision checkConfirmation(KpCertificate cert, ConfirmRequest r, LocalDate today) {
    List<Violation> v = new ArrayList<>();
    List<Violation> flags = new ArrayList<>();
    settled(cert, v);
    if (cert.status() == CertificateStatus.EXPIRED
        || (cert.status() == CertificateStatus.ISSUED && today.isAfter(cert.expiresOn()))) {
      v.add(new Violation("KP-08", "number", cert.number() + " expired on " + cert.expiresOn()));
    }
    if (r.parcels() == null) {
      v.add(new Violation("KP-07", "parcels", "quote the number of parcels received"));
    } else if (r.parcels().intValue() != cert.parcels()) {
      v.add(
          new Violation(
              "KP-07",
              "parcels",
              r.parcels() + " parcels received, the certificate says " + cert.parcels()));
    }
    BigDecimal carats = decimal(r.carats(), "carats", "carats", true, v);
    if (carats != null && carats.compareTo(cert.carats().value()) != 0) {
      v.add(
          new Violation(
              "KP-07",
              "carats",
              carats + " carats received, the certificate says " + cert.carats()));
    }
    if (r.importer() == null || !r.importer().equals(cert.importer().organisationId())) {
      v.add(new Violation("KP-07", "importer", "the importer does not match the certificate"));
    }
    if (r.exporter() == null || !r.exporter().equals(cert.exporter().organisationId())) {
      v.add(new Violation("KP-07", "exporter", "the exporter does not match the certificate"));
    }
    if (r.receivedOn() == null) {
      v.add(new Violation("KP-05", "receivedOn", "the date of receipt is required"));
    } else {
      if (r.receivedOn().isBefore(cert.issuedOn())) {
        v.add(new Violation("KP-05", "receivedOn", "received before the certificate was issued"));
      }
      if (r.receivedOn().isAfter(cert.expiresOn())) {
        v.add(new Violation("KP-05", "receivedOn", "received after the certificate expired"));
      }
      if (r.receivedOn().isAfter(today)) {
        v.add(new Violation("KP-05", "receivedOn", "the date of receipt is in the future"));
      }
    }
    sealFlag(cert, r.sealId() == null ? null : r.sealId().strip(), flags);
    return new Decision(List.copyOf(v), List.copyOf(flags));
  }

  /** KP-07 and KP-08: a certificate confirmed already, or cancelled, is not confirmed again. */
  private static void settled(KpCertificate cert, List<Violation> v) {
    if (cert.status() == CertificateStatus.CONFIRMED) {
      v.add(new Violation("KP-07", "number", cert.number() + " was confirmed already"));
    } else if (cert.status() == CertificateStatus.CANCELLED) {
      v.add(
          new Violation("KP-08", "number", cert.number() + " was cancelled on " + cert.statusOn()));
    }
  }

  /** KP-09: a seal at import other than the one at export is flagged. */
  private static void sealFlag(
      KpCertificate cert, @org.jspecify.annotations.Nullable String seal, List<Violation> flags) {
    if (seal == null || !seal.equals(cert.sealId())) {
      flags.add(
          new Violation(
              "KP-09",
              "sealId",
              "seal "
                  + (seal == null ? "(none quoted)" : seal)
                  + " at import, "
                  + cert.sealId()
                  + " at export: the container may have been opened"));
    }
  }

  /**
   * A confirmation made on the importing participant's own node and delivered back to the node that
   * issued the certificate (docs/federation.md): the importing node checked the shipment (KP-05,
   * KP-07) against the certificate; this node checks what it can tell from its own record. Not once
   * confirmed already or cancelled (KP-07, KP-08); received within the certificate's validity
   * (KP-05) — a certificate this node expired meanwhile is still confirmed when the shipment was
   * received in time, since only the travel of the confirmation was late; a seal other than the one
   * at export is flagged (KP-09).
   *
   * @param seal the seal the importing authority reported, or null when none
   */
  public static Decision checkRemoteConfirmation(
      KpCertificate cert, LocalDate receivedOn, @org.jspecify.annotations.Nullable String seal) {
    List<Violation> v = new ArrayList<>();
    // confirmed from issued or expired: the importing node checked the date by its own clock
    settled(cert, v);
    if (receivedOn.isBefore(cert.issuedOn())) {
      v.add(new Violation("KP-05", "receivedOn", "received before the certificate was issued"));
    }
    if (receivedOn.isAfter(cert.expiresOn())) {
      v.add(new Violation("KP-05", "receivedOn", "received after the certificate expired"));
    }
    List<Violation> flags = new ArrayList<>();
    sealFlag(cert, seal, flags);
    return new Decision(List.copyOf(v), List.copyOf(flags));
  }

  private static void lineRules(IssueRequest.LineRequest line, String field, List<Violation> v) {
    String hs = line.hsCode() == null ? "" : line.hsCode().strip();
    if (hs.isEmpty()) {
      v.add(new Violation("KP-01", field + ".hsCode", "the HS code is required"));
    } else if (hs.startsWith("7104")) {
      v.add(
          new Violation(
              "KP-02",
              field + ".hsCode",
              hs + " is laboratory-grown (LGD-03): never on a KP certificate"));
    } else if (!isKpRough(hs)) {
      v.add(
          new Violation(
              "KP-02",
              field + ".hsCode",
              hs + " is not rough diamond (7102.10, 7102.21, 7102.31)"));
    }
    decimal(line.carats(), field + ".carats", "carats", true, v);
    decimal(line.valueUsd(), field + ".valueUsd", "value in US dollars", false, v);
  }

  /** Parses a KP quantity: at most two decimals, carats above zero, values not negative. */
  static @Nullable BigDecimal decimal(
      @Nullable String text, String field, String what, boolean positive, List<Violation> v) {
    if (blank(text)) {
      v.add(new Violation("KP-01", field, "the " + what + " is required"));
      return null;
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      v.add(new Violation("KP-01", field, "'" + text + "' is not a decimal number"));
      return null;
    }
    if (value.scale() > 2) {
      v.add(new Violation("KP-01", field, "the " + what + " has at most two decimals"));
      return null;
    }
    if (positive ? value.signum() <= 0 : value.signum() < 0) {
      v.add(
          new Violation(
              "KP-01",
              field,
              "the " + what + (positive ? " must be above zero" : " must not be negative")));
      return null;
    }
    if (value.precision() - value.scale() > 12) {
      v.add(new Violation("KP-01", field, "the " + what + " is implausibly large"));
      return null;
    }
    return value.setScale(2, RoundingMode.UNNECESSARY);
  }

  private static void standing(
      IssueContext c,
      ParticipantCode participant,
      LocalDate day,
      String field,
      String role,
      List<Violation> v) {
    Optional<Standing> s = c.standing(participant, day);
    if (s.isEmpty() || !s.get().isParticipant()) {
      v.add(
          new Violation(
              "KP-03",
              field,
              participant + " is not a KP participant on " + day + " (" + role + ")"));
    } else if (!s.get().inGoodStanding()) {
      v.add(
          new Violation(
              "KP-03",
              field,
              participant
                  + " is "
                  + String.valueOf(s.get().status()).toLowerCase(Locale.ROOT).replace('_', '-')
                  + " on "
                  + day
                  + " and may not trade rough diamonds ("
                  + role
                  + ")"));
    }
  }

  private static void originRules(
      IssueRequest r, IssueContext c, LocalDate day, List<Violation> v) {
    List<String> countries = r.originCountries().stream().map(KpRules::upper).toList();
    switch (r.originKind()) {
      case SINGLE -> {
        if (countries.size() != 1) {
          v.add(
              new Violation(
                  "KP-04", "origin.countries", "a single origin names exactly one country"));
        }
      }
      case MIXED -> {
        if (!countries.isEmpty()) {
          v.add(
              new Violation(
                  "KP-04", "origin.countries", "a mixed origin lists no countries (use 'listed')"));
        }
      }
      case LISTED -> {
        if (countries.size() < 2) {
          v.add(
              new Violation(
                  "KP-04", "origin.countries", "a listed origin names at least two countries"));
        }
      }
    }
    for (String country : countries) {
      CountryCode code = countryCode(country);
      Optional<ParticipantCode> participant =
          code == null ? Optional.empty() : c.participantForCountry(code);
      if (participant.isEmpty()) {
        v.add(
            new Violation(
                "KP-04",
                "origin.countries",
                country + " is not a KP participant: no origin from it"));
        continue;
      }
      Optional<Standing> s = c.standing(participant.get(), day);
      if (s.isEmpty() || !s.get().isParticipant()) {
        v.add(
            new Violation(
                "KP-04", "origin.countries", country + " was not a participant on " + day));
      } else if (!s.get().inGoodStanding()) {
        boolean fromZone =
            r.originZone() != null && s.get().compliantZones().contains(r.originZone().strip());
        if (!fromZone) {
          v.add(
              new Violation(
                  "KP-04",
                  "origin.countries",
                  country
                      + " is "
                      + String.valueOf(s.get().status()).toLowerCase(Locale.ROOT).replace('_', '-')
                      + " on "
                      + day
                      + (s.get().compliantZones().isEmpty()
                          ? ": no goods of that origin"
                          : ": only goods from its compliant zones " + s.get().compliantZones())));
        }
      }
    }
  }

  private static void plausibility(
      IssueRequest.LineRequest line,
      String field,
      KpValueBands.ValueBand band,
      List<Violation> flags) {
    if (line.carats() == null || line.valueUsd() == null) {
      return;
    }
    BigDecimal carats = new BigDecimal(line.carats().strip());
    if (carats.signum() <= 0) {
      return;
    }
    BigDecimal perCarat =
        new BigDecimal(line.valueUsd().strip()).divide(carats, 2, RoundingMode.HALF_EVEN);
    if (perCarat.compareTo(band.low().value()) < 0 || perCarat.compareTo(band.high().value()) > 0) {
      flags.add(
          new Violation(
              "KP-11",
              field,
              "USD "
                  + perCarat
                  + " per carat is outside the band USD "
                  + band.low()
                  + " to "
                  + band.high()
                  + " per carat: "
                  + band.explanation()));
    }
  }

  private static boolean isKpRough(String hs) {
    try {
      return HsCode.of(hs).isKpRough();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static @Nullable ParticipantCode participantCode(String text) {
    try {
      return ParticipantCode.of(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static @Nullable CountryCode countryCode(String text) {
    try {
      return CountryCode.of(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }

  private static String upper(String s) {
    return s.strip().toUpperCase(Locale.ROOT);
  }
}

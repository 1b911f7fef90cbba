package org.kimberlite.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kimberlite.registry.ParticipantStatus;
import org.kimberlite.registry.Standing;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdPerCarat;

/** KP-01 to KP-11 as KpRules decides them, at their boundaries, on a fixed day. */
class KpRulesTest {
  static final LocalDate TODAY = LocalDate.of(2025, 3, 3);
  static final UUID AUTHORITY = UUID.nameUUIDFromBytes("kp-bw".getBytes());
  static final UUID EXPORTER = UUID.nameUUIDFromBytes("exporter".getBytes());
  static final UUID IMPORTER = UUID.nameUUIDFromBytes("importer".getBytes());

  /** Botswana exports to the EU; Venezuela is suspended; references: BW 100 USD/ct, factor 3. */
  static final class World implements KpRules.IssueContext {
    final Map<String, ParticipantStatus> status = new HashMap<>();
    final List<String> taken = new ArrayList<>();
    int tolerance = 1;
    int maxValidity = 180;
    @org.jspecify.annotations.Nullable LocalDate veSuspendedFrom;

    World() {
      status.put("BW", ParticipantStatus.ACTIVE);
      status.put("EU", ParticipantStatus.ACTIVE);
      status.put("VE", ParticipantStatus.SUSPENDED);
    }

    @Override
    public LocalDate today() {
      return TODAY;
    }

    @Override
    public KpRules.OrganisationFacts issuer() {
      return new KpRules.OrganisationFacts(
          AUTHORITY, "KP BW", CountryCode.of("BW"), ParticipantCode.of("BW"), true);
    }

    @Override
    public Optional<KpRules.OrganisationFacts> organisation(UUID id) {
      if (id.equals(EXPORTER)) {
        return Optional.of(
            new KpRules.OrganisationFacts(
                id, "Exporter", CountryCode.of("BW"), ParticipantCode.of("BW"), false));
      }
      if (id.equals(IMPORTER)) {
        return Optional.of(
            new KpRules.OrganisationFacts(
                id, "Importer", CountryCode.of("BE"), ParticipantCode.EU, false));
      }
      return Optional.empty();
    }

    @Override
    public Optional<ParticipantCode> participantForCountry(CountryCode country) {
      return switch (country.code()) {
        case "BE" -> Optional.of(ParticipantCode.EU);
        case "BW", "VE" -> Optional.of(ParticipantCode.of(country));
        default -> Optional.empty();
      };
    }

    @Override
    public Optional<Standing> standing(ParticipantCode participant, LocalDate day) {
      ParticipantStatus s = status.get(participant.code());
      if (participant.code().equals("VE") && veSuspendedFrom != null) {
        s = day.isBefore(veSuspendedFrom) ? ParticipantStatus.ACTIVE : ParticipantStatus.SUSPENDED;
      }
      return s == null
          ? Optional.empty()
          : Optional.of(new Standing(participant, day, s, TODAY.minusYears(5), List.of()));
    }

    @Override
    public boolean numberTaken(String number) {
      return taken.contains(number);
    }

    @Override
    public boolean inRange(String number) {
      return number.length() <= 10;
    }

    /** Botswana's own goods: the band [33.33, 300.00] (a reference of 100, factor 3). */
    @Override
    public Optional<KpValueBands.ValueBand> valueBand(List<CountryCode> origins, boolean mixed) {
      return !mixed && origins.equals(List.of(CountryCode.of("BW")))
          ? Optional.of(
              new KpValueBands.ValueBand(
                  UsdPerCarat.of(new BigDecimal("33.33")),
                  UsdPerCarat.of(new BigDecimal("300.00")),
                  "BW production, factor 3"))
          : Optional.empty();
    }

    @Override
    public int issueDateToleranceDays() {
      return tolerance;
    }

    @Override
    public int maxValidityDays() {
      return maxValidity;
    }
  }

  final World world = new World();

  static IssueRequest request(
      String carats, String value, String hs, LocalDate issuedOn, LocalDate expiresOn) {
    return new IssueRequest(
        EXPORTER,
        IMPORTER,
        "EU",
        OriginKind.SINGLE,
        List.of("BW"),
        null,
        List.of(new IssueRequest.LineRequest(hs, carats, value)),
        3,
        "SEAL-1",
        issuedOn,
        expiresOn,
        null);
  }

  static IssueRequest valid() {
    return request("100.00", "10000.00", "7102.31", TODAY, TODAY.plusDays(30));
  }

  KpRules.Decision check(IssueRequest r) {
    return KpRules.checkIssue(r, world);
  }

  static List<String> rules(List<Violation> v) {
    return v.stream().map(Violation::rule).distinct().toList();
  }

  @Test
  void aValidRequestIsAcceptedWithoutFlags() {
    KpRules.Decision d = check(valid());
    assertThat(d.violations()).isEmpty();
    assertThat(d.flags()).isEmpty();
  }

  @Test
  void kp01CaratsAboveZeroAtMostTwoDecimals() {
    assertThat(check(request("0.01", "1.00", "7102.31", TODAY, TODAY)).violations()).isEmpty();
    assertThat(rules(check(request("0.00", "1.00", "7102.31", TODAY, TODAY)).violations()))
        .containsExactly("KP-01");
    assertThat(rules(check(request("1.001", "1.00", "7102.31", TODAY, TODAY)).violations()))
        .containsExactly("KP-01");
    assertThat(check(request("1.00", "0.00", "7102.31", TODAY, TODAY)).violations()).isEmpty();
  }

  @Test
  void kp01EveryItemIsRequired() {
    IssueRequest r =
        new IssueRequest(
            null, null, null, null, List.of(), null, List.of(), null, "S", null, null, null);
    assertThat(check(r).violations())
        .extracting(Violation::field)
        .contains(
            "exporter",
            "importer",
            "importingParticipant",
            "origin",
            "lines",
            "parcels",
            "issuedOn",
            "expiresOn");
  }

  @Test
  void kp02OnlyTheThreeRoughCodes() {
    for (HsCode rough : HsCode.KP_ROUGH) {
      assertThat(check(request("1.00", "100.00", rough.code(), TODAY, TODAY)).violations())
          .isEmpty();
    }
    assertThat(rules(check(request("1.00", "100.00", "7104.21", TODAY, TODAY)).violations()))
        .containsExactly("KP-02");
    assertThat(rules(check(request("1.00", "100.00", "7102.39", TODAY, TODAY)).violations()))
        .containsExactly("KP-02");
  }

  @Test
  void kp03BothParticipantsInGoodStanding() {
    world.status.put("EU", ParticipantStatus.SUSPENDED);
    assertThat(rules(check(valid()).violations())).containsExactly("KP-03");
    world.status.put("EU", ParticipantStatus.ACTIVE);
    assertThat(check(valid()).violations()).isEmpty();
  }

  @Test
  void kp04ASingleOriginNamesOneParticipantCountry() {
    IssueRequest two =
        new IssueRequest(
            EXPORTER,
            IMPORTER,
            "EU",
            OriginKind.SINGLE,
            List.of("BW", "VE"),
            null,
            valid().lines(),
            3,
            "S",
            TODAY,
            TODAY,
            null);
    assertThat(rules(check(two).violations())).containsExactly("KP-04");
  }

  @Test
  void kp05ExpiryOnTheDayIsAcceptedTheDayBeforeIsNot() {
    assertThat(check(request("1.00", "100.00", "7102.31", TODAY, TODAY)).violations()).isEmpty();
    assertThat(
            rules(
                check(request("1.00", "100.00", "7102.31", TODAY.minusDays(1), TODAY.minusDays(1)))
                    .violations()))
        .containsExactly("KP-05");
  }

  @Test
  void kp05TheDateOfIssueIsTodayWithinTheTimeZoneTolerance() {
    for (int d : new int[] {-1, 0, 1}) {
      assertThat(
              check(request("1.00", "100.00", "7102.31", TODAY.plusDays(d), TODAY.plusDays(5)))
                  .violations())
          .as("issued %d day(s) from today", d)
          .isEmpty();
    }
    assertThat(
            check(request("1.00", "100.00", "7102.31", TODAY.minusDays(2), TODAY.plusDays(5)))
                .violations())
        .extracting(Violation::rule, Violation::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("KP-05", "issuedOn"));
    assertThat(
            check(request("1.00", "100.00", "7102.31", TODAY.plusDays(2), TODAY.plusDays(5)))
                .violations())
        .extracting(Violation::rule, Violation::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("KP-05", "issuedOn"));
    world.tolerance = 0;
    assertThat(
            rules(
                check(request("1.00", "100.00", "7102.31", TODAY.minusDays(1), TODAY.plusDays(5)))
                    .violations()))
        .containsExactly("KP-05");
  }

  @Test
  void kp05ValidityIsBounded() {
    assertThat(check(request("1.00", "100.00", "7102.31", TODAY, TODAY.plusDays(180))).violations())
        .isEmpty();
    assertThat(check(request("1.00", "100.00", "7102.31", TODAY, TODAY.plusDays(181))).violations())
        .extracting(Violation::rule, Violation::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("KP-05", "expiresOn"));
    assertThat(
            rules(
                check(request("1.00", "100.00", "7102.31", TODAY, TODAY.plusYears(100)))
                    .violations()))
        .containsExactly("KP-05");
  }

  @Test
  void kp03StandingIsTodaysWhateverDateTheRequestCarries() {
    // Venezuela is suspended from yesterday on: a certificate dated a year back is still refused
    // under KP-03 (and under KP-05 for the date), never judged by the standing of that old day.
    world.status.put("VE", ParticipantStatus.ACTIVE);
    world.veSuspendedFrom = TODAY.minusDays(1);
    IssueRequest toVenezuela =
        new IssueRequest(
            EXPORTER,
            IMPORTER,
            "VE",
            OriginKind.SINGLE,
            List.of("BW"),
            null,
            valid().lines(),
            3,
            "S",
            TODAY.minusYears(1),
            TODAY.minusYears(1).plusDays(30),
            null);
    List<Violation> v = check(toVenezuela).violations();
    assertThat(v)
        .filteredOn(x -> x.rule().equals("KP-03") && x.field().equals("importingParticipant"))
        .isNotEmpty();
    assertThat(rules(v)).contains("KP-05");
    world.veSuspendedFrom = TODAY.plusDays(1);
    assertThat(check(toVenezuela).violations())
        .filteredOn(x -> x.rule().equals("KP-03") && x.field().equals("importingParticipant"))
        .extracting(Violation::message)
        .noneMatch(m -> m.contains("suspended"));
  }

  @Test
  void kp06NumbersAreUniqueAndCarryThePrefix() {
    world.taken.add("BW0001");
    IssueRequest r = valid();
    IssueRequest taken =
        new IssueRequest(
            r.exporter(),
            r.importer(),
            r.importingParticipant(),
            r.originKind(),
            r.originCountries(),
            null,
            r.lines(),
            r.parcels(),
            r.sealId(),
            r.issuedOn(),
            r.expiresOn(),
            "BW0001");
    assertThat(rules(check(taken).violations())).containsExactly("KP-06");
  }

  @Test
  void kp09TheSealIsRecordedAtIssue() {
    IssueRequest r = valid();
    IssueRequest noSeal =
        new IssueRequest(
            r.exporter(),
            r.importer(),
            r.importingParticipant(),
            r.originKind(),
            r.originCountries(),
            null,
            r.lines(),
            r.parcels(),
            " ",
            r.issuedOn(),
            r.expiresOn(),
            null);
    assertThat(rules(check(noSeal).violations())).containsExactly("KP-09");
  }

  @Test
  void kp11FlagsOnlyOutsideTheBand() {
    // The band is [33.33, 300.00], both ends in; no band, no flag.
    assertThat(check(request("1.00", "300.00", "7102.31", TODAY, TODAY)).flags()).isEmpty();
    assertThat(check(request("1.00", "33.33", "7102.31", TODAY, TODAY)).flags()).isEmpty();
    KpRules.Decision high = check(request("1.00", "300.01", "7102.31", TODAY, TODAY));
    assertThat(high.violations()).isEmpty();
    assertThat(rules(high.flags())).containsExactly("KP-11");
    assertThat(rules(check(request("1.00", "33.32", "7102.31", TODAY, TODAY)).flags()))
        .containsExactly("KP-11");
    // mixed origin: the world has no band here, so nothing is judged
    IssueRequest r = request("1.00", "1.00", "7102.31", TODAY, TODAY);
    IssueRequest mixed =
        new IssueRequest(
            r.exporter(),
            r.importer(),
            r.importingParticipant(),
            OriginKind.MIXED,
            List.of("BW"),
            r.originZone(),
            r.lines(),
            r.parcels(),
            r.sealId(),
            r.issuedOn(),
            r.expiresOn(),
            r.number());
    assertThat(check(mixed).flags()).isEmpty();
  }

  KpCertificate issued(LocalDate expiresOn) {
    return new KpCertificate(
        "BW0001",
        ParticipantCode.of("BW"),
        new Party(AUTHORITY, "KP BW", CountryCode.of("BW")),
        new Party(EXPORTER, "Exporter", CountryCode.of("BW")),
        new Party(IMPORTER, "Importer", CountryCode.of("BE")),
        ParticipantCode.EU,
        new Origin(OriginKind.SINGLE, List.of(CountryCode.of("BW"))),
        List.of(
            new CertificateLine(
                HsCode.NON_INDUSTRIAL,
                org.kimberlite.shared.Carats.of("100.00"),
                org.kimberlite.shared.UsdAmount.of("10000.00"))),
        3,
        "SEAL-1",
        TODAY.minusDays(10),
        expiresOn,
        CertificateStatus.ISSUED,
        TODAY.minusDays(10),
        "jws");
  }

  static ConfirmRequest confirmation(String carats, int parcels, String seal) {
    return new ConfirmRequest(parcels, carats, IMPORTER, EXPORTER, seal, TODAY.minusDays(1));
  }

  @Test
  void kp07TheConfirmationQuotesTheShipment() {
    KpCertificate c = issued(TODAY.plusDays(5));
    assertThat(KpRules.checkConfirmation(c, confirmation("100.00", 3, "SEAL-1"), TODAY).accepted())
        .isTrue();
    assertThat(
            rules(
                KpRules.checkConfirmation(c, confirmation("100.01", 3, "SEAL-1"), TODAY)
                    .violations()))
        .containsExactly("KP-07");
    assertThat(
            rules(
                KpRules.checkConfirmation(c, confirmation("100.00", 2, "SEAL-1"), TODAY)
                    .violations()))
        .containsExactly("KP-07");
  }

  @Test
  void kp08ConfirmedOnTheExpiryDayNotTheDayAfter() {
    ConfirmRequest r = confirmation("100.00", 3, "SEAL-1");
    assertThat(KpRules.checkConfirmation(issued(TODAY), r, TODAY).accepted()).isTrue();
    assertThat(rules(KpRules.checkConfirmation(issued(TODAY.minusDays(1)), r, TODAY).violations()))
        .containsExactly("KP-08");
  }

  @Test
  void kp09ASealThatDiffersIsFlaggedNotRefused() {
    KpRules.Decision d =
        KpRules.checkConfirmation(
            issued(TODAY.plusDays(5)), confirmation("100.00", 3, "SEAL-2"), TODAY);
    assertThat(d.accepted()).isTrue();
    assertThat(rules(d.flags())).containsExactly("KP-09");
  }

  @Test
  void kp06ANumberHasTheShapeOfOneAndIsNeverEchoedWhenItDoesNot() {
    IssueRequest base = valid();
    java.util.function.Function<String, IssueRequest> numbered =
        n ->
            new IssueRequest(
                base.exporter(),
                base.importer(),
                base.importingParticipant(),
                base.originKind(),
                base.originCountries(),
                base.originZone(),
                base.lines(),
                base.parcels(),
                base.sealId(),
                base.issuedOn(),
                base.expiresOn(),
                n);
    assertThat(check(numbered.apply("BW" + "1".repeat(8))).violations()).isEmpty();
    for (String bad : List.of("BW" + "1".repeat(31), "BW 1", "BW\u202e1", "bw1", "BW1;drop")) {
      List<Violation> v = check(numbered.apply(bad)).violations();
      assertThat(v)
          .extracting(Violation::rule, Violation::field)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("KP-06", "number"));
      assertThat(v.get(0).message()).doesNotContain(bad);
    }
  }

  static KpCertificate withStatus(KpCertificate c, CertificateStatus status) {
    return c.withStatus(status, TODAY);
  }

  @Test
  void aRemoteConfirmationIsRecordedWhenReceivedWithinTheValidityEvenIfExpiredHereMeanwhile() {
    KpCertificate c = issued(TODAY);
    // received on the day of issue and on the day of expiry: recorded, from issued or expired
    for (CertificateStatus s : List.of(CertificateStatus.ISSUED, CertificateStatus.EXPIRED)) {
      assertThat(KpRules.checkRemoteConfirmation(withStatus(c, s), c.issuedOn(), "SEAL-1"))
          .isEqualTo(new KpRules.Decision(List.of(), List.of()));
      assertThat(
              KpRules.checkRemoteConfirmation(withStatus(c, s), c.expiresOn(), "SEAL-1").accepted())
          .isTrue();
    }
    // the day before issue, the day after expiry: KP-05
    assertThat(
            rules(
                KpRules.checkRemoteConfirmation(c, c.issuedOn().minusDays(1), "SEAL-1")
                    .violations()))
        .containsExactly("KP-05");
    assertThat(
            rules(
                KpRules.checkRemoteConfirmation(c, c.expiresOn().plusDays(1), "SEAL-1")
                    .violations()))
        .containsExactly("KP-05");
  }

  @Test
  void aRemoteConfirmationOfACertificateConfirmedOrCancelledIsRefusedAndASealThatDiffersFlagged() {
    KpCertificate c = issued(TODAY);
    assertThat(
            rules(
                KpRules.checkRemoteConfirmation(
                        withStatus(c, CertificateStatus.CONFIRMED), TODAY, "SEAL-1")
                    .violations()))
        .containsExactly("KP-07");
    assertThat(
            rules(
                KpRules.checkRemoteConfirmation(
                        withStatus(c, CertificateStatus.CANCELLED), TODAY, "SEAL-1")
                    .violations()))
        .containsExactly("KP-08");
    KpRules.Decision other = KpRules.checkRemoteConfirmation(c, TODAY, "SEAL-2");
    assertThat(other.accepted()).isTrue();
    assertThat(rules(other.flags())).containsExactly("KP-09");
    assertThat(rules(KpRules.checkRemoteConfirmation(c, TODAY, null).flags()))
        .containsExactly("KP-09");
  }
}

package org.kimberlite.diligence.internal.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kimberlite.diligence.internal.policies.Facts.DAY;
import static org.kimberlite.diligence.internal.policies.Facts.EXPORTER;
import static org.kimberlite.diligence.internal.policies.Facts.IMPORTER;
import static org.kimberlite.diligence.internal.policies.Facts.cert;
import static org.kimberlite.diligence.internal.policies.Facts.org;
import static org.kimberlite.diligence.internal.policies.Facts.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.custody.CustodyFindings.SystemFlag;
import org.kimberlite.custody.Reconciling;
import org.kimberlite.diligence.RiskEntry;
import org.kimberlite.diligence.Severity;
import org.kimberlite.diligence.ValueVerdict;
import org.kimberlite.registry.RjcCertification;
import org.kimberlite.registry.SowRegistration;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdPerCarat;
import org.kimberlite.statistics.Finding;

/** Every red-flag policy at its boundaries, raised and not raised. */
class PoliciesTest {
  static final List<RiskEntry> LISTS =
      List.of(
          risk(RiskEntry.CAHRA, "CF", null, LocalDate.of(2013, 5, 23)),
          risk(RiskEntry.TRANSIT, "CM", "CF", LocalDate.of(2013, 5, 23)),
          risk(RiskEntry.SANCTIONED_ORIGIN, "RU", null, LocalDate.of(2024, 1, 1)));

  @Nested
  class Kp09 {
    KpCertificate c = cert("BW1", "BW", "EU", "BW", DAY, "10.00", "1000.00");

    @Test
    void aDifferentSealIsFlagged() {
      Flag f = SealPolicy.evaluate(c, "SEAL-2").orElseThrow();
      assertThat(f.rule()).isEqualTo("KP-09");
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.factKey()).isEqualTo("BW1");
      assertThat(f.evidence().get(0).href()).isEqualTo("/api/v1/certificates/BW1");
    }

    @Test
    void theSameSealOrNoneIsNot() {
      assertThat(SealPolicy.evaluate(c, " SEAL-1 ")).isEmpty();
      assertThat(SealPolicy.evaluate(c, null)).isEmpty();
      assertThat(SealPolicy.evaluate(c, "")).isEmpty();
    }
  }

  @Nested
  class Dd01 {
    @Test
    void originInAConflictAreaIsHigh() {
      Flag f =
          RiskLocationPolicy.evaluate(cert("AE1", "AE", "EU", "CF", DAY, "1.00", "1.00"), LISTS)
              .orElseThrow();
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.summary()).contains("origin CF");
    }

    @Test
    void originInATransitCountryIsMedium() {
      Flag f =
          RiskLocationPolicy.evaluate(cert("AE2", "AE", "EU", "CM", DAY, "1.00", "1.00"), LISTS)
              .orElseThrow();
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.summary()).contains("transit country of CF");
    }

    @Test
    void sanctionedOriginCountsFromItsFirstDayOnly() {
      assertThat(
              RiskLocationPolicy.evaluate(
                  cert("AE3", "AE", "EU", "RU", LocalDate.of(2024, 1, 1), "1.00", "1.00"), LISTS))
          .isPresent();
      assertThat(
              RiskLocationPolicy.evaluate(
                  cert("AE4", "AE", "EU", "RU", LocalDate.of(2023, 12, 31), "1.00", "1.00"), LISTS))
          .isEmpty();
    }

    @Test
    void anEndedEntryNoLongerCounts() {
      RiskEntry ended =
          new RiskEntry(
              UUID.randomUUID(),
              "CAHRA",
              "CF",
              null,
              LocalDate.of(2013, 5, 23),
              DAY.minusDays(1),
              "s",
              "t",
              Instant.EPOCH);
      assertThat(
              RiskLocationPolicy.evaluate(
                  cert("AE5", "AE", "EU", "CF", DAY, "1.00", "1.00"), List.of(ended)))
          .isEmpty();
    }

    @Test
    void aCleanOriginIsNotFlagged() {
      assertThat(
              RiskLocationPolicy.evaluate(
                  cert("BW2", "BW", "EU", "BW", DAY, "1.00", "1.00"), LISTS))
          .isEmpty();
      assertThat(
              RiskLocationPolicy.evaluate(
                  cert("BW3", "BW", "EU", "MIXED", DAY, "1.00", "1.00"), LISTS))
          .isEmpty();
    }
  }

  @Nested
  class Dd02 {
    ParticipantCode bw = ParticipantCode.of("BW");
    Set<UUID> orgs = Set.of(EXPORTER);

    Optional<Flag> dd02(String exported, String before, String produced, String producedBefore) {
      return ProductionPolicy.evaluate(
          bw,
          2026,
          Carats.of(exported),
          Carats.of(before),
          Carats.of(produced),
          Carats.of(producedBefore),
          List.of("BW1"),
          orgs);
    }

    @Test
    void ownOriginBeyondProductionIsFlagged() {
      Flag f = dd02("100.01", "0", "100.00", "0").orElseThrow();
      assertThat(f.rule()).isEqualTo("DD-02");
      assertThat(f.factKey()).isEqualTo("BW:2026");
      assertThat(f.evidence())
          .extracting(e -> e.kind())
          .containsExactly("statistics", "certificate");
    }

    @Test
    void exactlyProductionIsNot() {
      assertThat(dd02("100.00", "0", "100.00", "0")).isEmpty();
    }

    @Test
    void stockCarriedFromTheYearBeforeCounts() {
      // 100 produced in 2025, 40 exported then: 60 carried; 100 + 60 = 160 available in 2026
      assertThat(dd02("160.00", "40.00", "100.00", "100.00")).isEmpty();
      assertThat(dd02("160.00", "40.00", "99.99", "100.00")).isPresent();
      // more exported the year before than produced: no stock, never negative
      assertThat(dd02("100.00", "500.00", "100.00", "100.00")).isEmpty();
    }

    @Test
    void aParticipantReportingNoProductionHasNone() {
      assertThat(dd02("0.01", "0", "0", "0")).isPresent();
      assertThat(dd02("0", "0", "0", "0")).isEmpty();
    }
  }

  @Nested
  class Dd03 {
    RjcCertification rjc = new RjcCertification("RJC-1", DAY.minusYears(1), 3);
    SowRegistration sow = new SowRegistration("SOW-1", DAY.plusMonths(6));

    @Test
    void aCertifiedRegisteredCounterpartyIsNotFlagged() {
      assertThat(
              CounterpartyPolicy.evaluate(
                  org(EXPORTER, rjc, sow), org(IMPORTER, null, null), "BW1", DAY, List.of()))
          .isEmpty();
    }

    @Test
    void aLapsedRjcCertificationIsFlaggedFromItsLastDay() {
      RjcCertification lapsing = new RjcCertification("RJC-2", DAY.minusYears(1), 1);
      assertThat(
              CounterpartyPolicy.evaluate(
                  org(EXPORTER, lapsing, sow),
                  org(IMPORTER, null, null),
                  "BW1",
                  DAY.minusDays(1),
                  List.of()))
          .isEmpty();
      Flag f =
          CounterpartyPolicy.evaluate(
                  org(EXPORTER, lapsing, sow), org(IMPORTER, null, null), "BW1", DAY, List.of())
              .orElseThrow();
      assertThat(f.summary()).contains("RJC-2").contains("lapsed");
      assertThat(f.organisations()).containsExactlyInAnyOrder(EXPORTER, IMPORTER);
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void noSowIdIsFlagged() {
      assertThat(
              CounterpartyPolicy.evaluate(
                  org(EXPORTER, rjc, null), org(IMPORTER, null, null), "BW1", DAY, List.of()))
          .isPresent();
    }

    @Test
    void aSanctionedEntityIsHigh() {
      RiskEntry sanction =
          risk(RiskEntry.SANCTIONED_ENTITY, EXPORTER.toString(), null, DAY.minusDays(1));
      Flag f =
          CounterpartyPolicy.evaluate(
                  org(EXPORTER, rjc, sow), org(IMPORTER, null, null), "BW1", DAY, List.of(sanction))
              .orElseThrow();
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
    }
  }

  @Nested
  class Dd04 {
    UUID middleman = new UUID(3, 3);

    @Test
    void aSupplierThatBoughtFromAConflictAreaWithinTwelveMonthsIsFlagged() {
      KpCertificate bought =
          cert("CM1", "CM", "AE", "CF", DAY.minusMonths(12), "1.00", "1.00", EXPORTER, middleman);
      KpCertificate sold =
          cert("AE1", "AE", "EU", "MIXED", DAY, "1.00", "1.00", middleman, IMPORTER);
      Flag f = SourcingPolicy.evaluate(sold, List.of(bought, sold), LISTS).orElseThrow();
      assertThat(f.rule()).isEqualTo("DD-04");
      assertThat(f.organisations()).contains(IMPORTER);
    }

    @Test
    void longerAgoOrFromElsewhereIsNot() {
      KpCertificate old =
          cert(
              "CM1",
              "CM",
              "AE",
              "CF",
              DAY.minusMonths(12).minusDays(1),
              "1.00",
              "1.00",
              EXPORTER,
              middleman);
      KpCertificate clean =
          cert("BW1", "BW", "AE", "BW", DAY.minusMonths(1), "1.00", "1.00", EXPORTER, middleman);
      KpCertificate sold =
          cert("AE1", "AE", "EU", "MIXED", DAY, "1.00", "1.00", middleman, IMPORTER);
      assertThat(SourcingPolicy.evaluate(sold, List.of(old, clean, sold), LISTS)).isEmpty();
    }
  }

  @Nested
  class Dd05 {
    KpCertificate in = cert("BW1", "BW", "AE", "BW", DAY.minusMonths(2), "100.00", "10000.00");

    @Test
    void aReExportAboveTwiceTheImportsIsFlagged() {
      KpCertificate out = cert("AE1", "AE", "EU", "BW", DAY, "100.00", "20000.01");
      Flag f =
          TransferPricingPolicy.evaluate(out, List.of(in, out), BigDecimal.valueOf(2))
              .orElseThrow();
      assertThat(f.summary()).contains("200.00").contains("100.00");
      assertThat(f.evidence()).extracting(e -> e.ref()).contains("AE1", "BW1");
    }

    @Test
    void atTwiceOrAtHalfItIsNot() {
      KpCertificate twice = cert("AE1", "AE", "EU", "BW", DAY, "100.00", "20000.00");
      KpCertificate half = cert("AE2", "AE", "EU", "BW", DAY, "100.00", "5000.00");
      assertThat(TransferPricingPolicy.evaluate(twice, List.of(in), BigDecimal.valueOf(2)))
          .isEmpty();
      assertThat(TransferPricingPolicy.evaluate(half, List.of(in), BigDecimal.valueOf(2)))
          .isEmpty();
      KpCertificate below = cert("AE3", "AE", "EU", "BW", DAY, "100.00", "4999.99");
      assertThat(TransferPricingPolicy.evaluate(below, List.of(in), BigDecimal.valueOf(2)))
          .isPresent();
    }

    @Test
    void ownOriginOrNoMatchingImportsIsNot() {
      KpCertificate own = cert("AE1", "AE", "EU", "AE", DAY, "100.00", "90000.00");
      assertThat(TransferPricingPolicy.evaluate(own, List.of(in), BigDecimal.valueOf(2))).isEmpty();
      KpCertificate out = cert("AE2", "AE", "EU", "BW", DAY, "100.00", "90000.00");
      assertThat(TransferPricingPolicy.evaluate(out, List.of(), BigDecimal.valueOf(2))).isEmpty();
    }
  }

  @Nested
  class Statistics {
    @Test
    void aMirrorFindingConcernsBothParticipants() {
      Finding mirror =
          new Finding(
              "STAT-02",
              ParticipantCode.of("BW"),
              "2026-Q1",
              "HIGH",
              "exports and imports differ",
              Map.of("exporter", "BW", "importer", "EU"));
      Flag f = StatisticsPolicy.evaluate(List.of(mirror)).get(0);
      assertThat(f.participants())
          .containsExactlyInAnyOrder(ParticipantCode.of("BW"), ParticipantCode.EU);
      assertThat(f.factKey()).isEqualTo("BW:2026-Q1:BW>EU");
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void otherRulesAreNotTaken() {
      Finding other =
          new Finding("KP-01", ParticipantCode.of("BW"), "2026-Q1", "LOW", "x", Map.of());
      assertThat(StatisticsPolicy.evaluate(List.of(other))).isEmpty();
    }
  }

  @Nested
  class Custody {
    UUID screener = new UUID(4, 4);
    UUID miner = new UUID(4, 5);

    SystemFlag flag(String rule) {
      return new SystemFlag(
          1,
          "ni:///sha-256;abc",
          "urn:uuid:1",
          screener,
          rule,
          "screened",
          Instant.EPOCH,
          List.of("urn:epc:id:sgtin:1"));
    }

    @Test
    void lgd04RaisesOneFindingPerUpstreamHolder() {
      List<Flag> flags =
          CustodyFlagPolicy.lgd04(
              flag("LGD-04"),
              List.of(
                  new CustodyFlagPolicy.Holder(miner, "Mine", ParticipantCode.of("BW")),
                  new CustodyFlagPolicy.Holder(screener, "Lab", null)));
      assertThat(flags).hasSize(2);
      assertThat(flags.get(0).organisations()).containsExactlyInAnyOrder(miner, screener);
      assertThat(flags.get(1).organisations()).containsExactly(screener);
      assertThat(flags).extracting(Flag::factKey).doesNotHaveDuplicates();
    }

    @Test
    void sow03OnlyForItsRule() {
      assertThat(CustodyFlagPolicy.sow03(flag("SOW-03"), null)).isPresent();
      assertThat(CustodyFlagPolicy.sow03(flag("NOM-01"), null)).isEmpty();
      assertThat(CustodyFlagPolicy.lgd04(flag("SOW-03"), List.of())).isEmpty();
    }
  }

  @Nested
  class Sow05 {
    UUID cutter = UUID.fromString("00000000-0000-0000-0000-00000000c0de");
    LocalDate from = LocalDate.of(2025, 4, 1);
    LocalDate to = LocalDate.of(2025, 6, 30);

    Reconciling.Report report(String shortfall, List<String> flags, int differences) {
      Reconciling.Figures figures =
          new Reconciling.Figures(
              Carats.of("10"),
              Carats.ZERO,
              org.kimberlite.shared.UsdAmount.of(BigDecimal.ZERO),
              Carats.of("12"),
              org.kimberlite.shared.UsdAmount.of(new BigDecimal("7000")),
              Carats.ZERO,
              Carats.ZERO,
              Carats.ZERO,
              Carats.ZERO);
      List<Reconciling.Difference> diffs = new java.util.ArrayList<>();
      for (int i = 0; i < differences; i++) {
        diffs.add(
            new Reconciling.Difference(
                "lot",
                "urn:epc:id:sgtin:" + i,
                Carats.ZERO,
                Carats.of(shortfall),
                "out without in",
                List.of(
                    new Reconciling.Line(
                        "urn:epc:id:sgtin:" + i,
                        "ni:///sha-256;" + i,
                        "e" + i,
                        "shipped",
                        true,
                        Carats.of("1"),
                        Instant.EPOCH))));
      }
      return new Reconciling.Report(
          cutter,
          "Cutter",
          from,
          to,
          figures,
          Carats.ZERO,
          Carats.of(shortfall),
          Reconciling.TOLERANCE,
          flags.isEmpty(),
          flags,
          diffs);
    }

    @Test
    void aPeriodThatFallsShortIsAFindingOfTheOrganisationForThatPeriod() {
      Flag f =
          ReconciliationPolicy.sow05(
                  report("2.00", List.of("SOW-05: short"), 1), "2025-Q2", ParticipantCode.of("BW"))
              .orElseThrow();
      assertThat(f.rule()).isEqualTo("SOW-05");
      assertThat(f.factKey()).isEqualTo(cutter + ":2025-Q2");
      assertThat(f.organisations()).containsExactly(cutter);
      assertThat(f.participants()).containsExactly(ParticipantCode.of("BW"));
      assertThat(f.summary()).contains("2025-Q2").contains("2.00 ct more out");
      assertThat(f.evidence().get(0).href())
          .isEqualTo(
              "/api/v1/reconciliation?organisation=" + cutter + "&from=2025-04-01&to=2025-06-30");
      assertThat(f.evidence().get(1).kind()).isEqualTo("event");
    }

    @Test
    void aBalancedPeriodOrOneWithOnlyASurplusRaisesNothing() {
      assertThat(ReconciliationPolicy.sow05(report("0", List.of(), 0), "2025-Q2", null)).isEmpty();
      // differences to explain, but nothing went out beyond what came in: no breach
      assertThat(ReconciliationPolicy.sow05(report("0", List.of(), 3), "2025-Q2", null)).isEmpty();
    }

    @Test
    void evidenceNamesAtMostTenEventsOnce() {
      Flag f =
          ReconciliationPolicy.sow05(report("1", List.of("SOW-05"), 25), "2025-Q2", null)
              .orElseThrow();
      assertThat(f.evidence()).hasSize(1 + ReconciliationPolicy.MAX_EVENTS);
      assertThat(f.participants()).isEmpty();
    }
  }

  @Nested
  class ValueBands {
    KpCertificate c = cert("BW1", "BW", "EU", "BW", DAY, "10.00", "1000.00");

    @Test
    void aLineOutsideItsBandIsFlaggedUnderItsRule() {
      List<Flag> flags =
          ValueBandPolicy.evaluate(
              c,
              List.of(
                  new ValueVerdict(
                      "VAL-02",
                      HsCode.NON_INDUSTRIAL,
                      UsdPerCarat.of(new BigDecimal("100.00")),
                      true,
                      "band 20-80")));
      assertThat(flags).extracting(Flag::rule).containsExactly("VAL-02");
    }

    @Test
    void linesInsideTheirBandsAreNot() {
      assertThat(
              ValueBandPolicy.evaluate(
                  c,
                  List.of(
                      new ValueVerdict(
                          "KP-11",
                          HsCode.NON_INDUSTRIAL,
                          UsdPerCarat.of(new BigDecimal("100.00")),
                          false,
                          "band 20-200"))))
          .isEmpty();
    }
  }
}

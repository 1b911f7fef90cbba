package org.kimberlite.certification.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.kimberlite.certification.CancellingCertificates;
import org.kimberlite.certification.ConfirmRequest;
import org.kimberlite.certification.ConfirmingImports;
import org.kimberlite.certification.ExpiringCertificates;
import org.kimberlite.certification.IssueRequest;
import org.kimberlite.certification.Issued;
import org.kimberlite.certification.IssuingCertificates;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.OriginKind;
import org.kimberlite.certification.internal.ValueReferences;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.DemoAccount;
import org.kimberlite.shared.CountryCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo world's certificates: a year of shipments between the demo authorities, each issued,
 * confirmed, cancelled or left to expire through the real lifecycle as of its own dates. Volumes
 * follow the published 2022 production of each producer and values its 2022 USD per carat (the
 * reference values bundled as src/main/resources/certification/value-references.csv), with
 * trading-centre re-exports to India and the United States.
 */
@Service
public class CertificationDemo {
  /**
   * Producers' 2022 production in carats: the published figures by country bundled as
   * src/main/resources/statistics/kp_production_by_country.csv (sources in SOURCES.md beside it).
   */
  static final Map<String, Long> PRODUCTION_2022 =
      Map.of(
          "BW",
          24_510_000L,
          "RU",
          41_924_000L,
          "CA",
          16_249_000L,
          "ZA",
          9_660_000L,
          "CD",
          10_780_000L);

  /** A flow: from an exporting participant to an importing one, certificates per year. */
  record Flow(
      String from, String to, int perYear, String exporter, String importer, boolean producer) {}

  static final List<Flow> FLOWS =
      List.of(
          new Flow("BW", "EU", 24, "gaborone-sorting", "schelde-rough", true),
          new Flow("BW", "AE", 12, "gaborone-sorting", "creek-diamonds", true),
          new Flow("BW", "IN", 12, "kalahari-mining", "tapti-diamonds", true),
          new Flow("RU", "EU", 12, "lena-rough", "schelde-rough", true),
          new Flow("RU", "AE", 12, "lena-rough", "creek-diamonds", true),
          new Flow("RU", "IN", 12, "lena-rough", "varachha-cutting", true),
          new Flow("CA", "EU", 12, "tundra-mines", "schelde-rough", true),
          new Flow("CA", "IN", 6, "tundra-mines", "tapti-diamonds", true),
          new Flow("ZA", "EU", 12, "limpopo-mining", "schelde-rough", true),
          new Flow("ZA", "IN", 6, "limpopo-mining", "varachha-cutting", true),
          new Flow("CD", "AE", 12, "kasai-coop", "creek-diamonds", true),
          new Flow("CD", "EU", 6, "kasai-coop", "schelde-rough", true),
          new Flow("EU", "IN", 24, "schelde-rough", "tapti-diamonds", false),
          new Flow("AE", "IN", 12, "creek-diamonds", "varachha-cutting", false),
          new Flow("EU", "US", 6, "schelde-rough", "hudson-jewelry", false));

  static final Map<String, String> AUTHORITY =
      Map.of(
          "BW",
          "kp-bw",
          "RU",
          "kp-ru",
          "EU",
          "kp-eu-be",
          "AE",
          "kp-ae",
          "IN",
          "kp-in",
          "CA",
          "kp-ca",
          "ZA",
          "kp-za",
          "CD",
          "kp-cd",
          "US",
          "kp-us");

  private final IssuingCertificates issuing;
  private final ConfirmingImports confirming;
  private final CancellingCertificates cancelling;
  private final ExpiringCertificates expiring;
  private final ValueReferences references;
  private final Accounts accounts;
  private final TransactionTemplate tx;
  private final Clock clock;

  public CertificationDemo(
      IssuingCertificates issuing,
      ConfirmingImports confirming,
      CancellingCertificates cancelling,
      ExpiringCertificates expiring,
      ValueReferences references,
      Accounts accounts,
      TransactionTemplate tx,
      Clock clock) {
    this.issuing = issuing;
    this.confirming = confirming;
    this.cancelling = cancelling;
    this.expiring = expiring;
    this.references = references;
    this.accounts = accounts;
    this.tx = tx;
    this.clock = clock;
  }

  /** The lifecycle as of a given day: the real use cases with their clock set to that day. */
  private static Clock on(LocalDate day) {
    return Clock.fixed(day.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  }

  /** Creates the year of certificates; returns how many were issued. */
  public int create(List<DemoAccount> demoAccounts) {
    Map<String, DemoAccount> byUser = new HashMap<>();
    demoAccounts.forEach(a -> byUser.put(a.username(), a));
    Map<String, Caller> callers = new HashMap<>();
    for (String username : AUTHORITY.values()) {
      DemoAccount a = byUser.get(username);
      if (a != null) {
        accounts.signIn(a.username(), a.password()).ifPresent(c -> callers.put(username, c));
      }
    }
    Map<String, Integer> certificatesPerProducer = new HashMap<>();
    for (Flow f : FLOWS) {
      if (f.producer()) {
        certificatesPerProducer.merge(f.from(), f.perYear(), Integer::sum);
      }
    }
    Random random = new Random(2022);
    LocalDate today = LocalDate.now(clock);
    int issued = 0;
    int sequence = 0;
    for (Flow f : FLOWS) {
      Caller issuer = callers.get(AUTHORITY.get(f.from()));
      Caller importing = callers.get(AUTHORITY.get(f.to()));
      Optional<UUID> exporter = id(byUser, f.exporter());
      Optional<UUID> importer = id(byUser, f.importer());
      if (issuer == null || importing == null || exporter.isEmpty() || importer.isEmpty()) {
        continue;
      }
      long yearly =
          f.producer()
              ? PRODUCTION_2022.get(f.from()) / certificatesPerProducer.get(f.from()) * f.perYear()
              : 6_000_000L * f.perYear() / 12;
      BigDecimal usdPerCarat =
          (f.producer() ? references.usdPerCarat(CountryCode.of(f.from())) : references.world())
              .orElseThrow()
              .value()
              .multiply(f.producer() ? BigDecimal.ONE : new BigDecimal("1.15"));
      for (int i = 0; i < f.perYear(); i++) {
        sequence++;
        LocalDate issuedOn = today.minusDays(2 + (365L * i / f.perYear()) + random.nextInt(10));
        BigDecimal carats =
            BigDecimal.valueOf(yearly / f.perYear())
                .multiply(BigDecimal.valueOf(0.8 + random.nextDouble() * 0.4))
                .setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal value =
            carats
                .multiply(usdPerCarat)
                .multiply(BigDecimal.valueOf(0.85 + random.nextDouble() * 0.3))
                .setScale(2, RoundingMode.HALF_EVEN);
        IssueRequest request =
            new IssueRequest(
                exporter.get(),
                importer.get(),
                f.to(),
                f.producer() ? OriginKind.SINGLE : OriginKind.MIXED,
                f.producer() ? List.of(f.from()) : List.of(),
                null,
                List.of(
                    new IssueRequest.LineRequest(
                        "7102.31", carats.toPlainString(), value.toPlainString())),
                1 + random.nextInt(8),
                "SEAL-" + f.from() + "-" + String.format(Locale.ROOT, "%06d", sequence),
                issuedOn,
                issuedOn.plusDays(45),
                null);
        int fate = sequence % 31;
        LocalDate receivedOn = issuedOn.plusDays(2 + random.nextInt(9));
        boolean waiting =
            fate == 13
                || receivedOn.isAfter(today)
                || (issuedOn.isAfter(today.minusDays(15)) && sequence % 2 == 0);
        // Each shipment's whole story in one transaction, so the expiry job never sees a
        // back-dated certificate between its issue and its confirmation.
        tx.executeWithoutResult(
            s -> {
              if (!(issuing.on(on(issuedOn)).issue(issuer, request) instanceof Issued done)) {
                throw new IllegalStateException("a demo certificate was refused");
              }
              KpCertificate c = done.certificate();
              if (fate == 7) {
                cancelling
                    .on(on(issuedOn.plusDays(1)))
                    .cancel(issuer, c.number(), "Shipment withdrawn by the exporter");
              } else if (!waiting) {
                confirming
                    .on(on(receivedOn))
                    .confirm(
                        importing,
                        c.number(),
                        new ConfirmRequest(
                            c.parcels(),
                            c.carats().toString(),
                            c.importer().organisationId(),
                            c.exporter().organisationId(),
                            c.sealId(),
                            receivedOn));
              }
            });
        issued++;
      }
    }
    tx.execute(s -> expiring.on(on(today)).expireDue());
    return issued;
  }

  private Optional<UUID> id(Map<String, DemoAccount> byUser, String username) {
    DemoAccount a = byUser.get(username);
    return a == null ? Optional.empty() : Optional.of(a.organisationId());
  }
}

package org.kimberlite.certification.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.DemoAccount;
import org.kimberlite.registry.DemoSignIns;
import org.kimberlite.shared.CountryCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo world's certificates: a year of shipments between the demo authorities, each issued,
 * confirmed, cancelled or left to expire through the real lifecycle as of its own dates. Volumes
 * follow the published 2022 production of each producer and values its 2022 USD per carat (the
 * reference values bundled as src/main/resources/certification/value-references.csv), with
 * trading-centre re-exports to India and the United States at what the centre paid plus a margin.
 * Three red flags are planted for due diligence to find ({@link Planted}, docs/diligence.md): an
 * export the importer never recorded (STAT-02), an over-valued re-export (DD-05) and an origin
 * claimed where nothing is mined (DD-02).
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

  /**
   * A flow: from an exporting participant to an importing one, certificates per year. No Russian
   * rough goes to the EU, which has banned its import since 2024; it goes to the UAE and India.
   * Congolese artisanal rough goes to Dubai. So Antwerp's trade is clean of red-flag origins and
   * Dubai's is not (DD-01, DD-04 on its re-exports): the demo's ordinary red flags are there.
   */
  record Flow(
      String from, String to, int perYear, String exporter, String importer, boolean producer) {}

  static final List<Flow> FLOWS =
      List.of(
          new Flow("BW", "EU", 24, "gaborone-sorting", "schelde-rough", true),
          new Flow("BW", "AE", 12, "gaborone-sorting", "creek-diamonds", true),
          new Flow("BW", "IN", 12, "kalahari-mining", "tapti-diamonds", true),
          new Flow("RU", "AE", 12, "lena-rough", "creek-diamonds", true),
          new Flow("RU", "IN", 12, "lena-rough", "varachha-cutting", true),
          new Flow("CA", "EU", 12, "tundra-mines", "schelde-rough", true),
          new Flow("CA", "IN", 6, "tundra-mines", "tapti-diamonds", true),
          new Flow("ZA", "EU", 12, "limpopo-mining", "schelde-rough", true),
          new Flow("ZA", "IN", 6, "limpopo-mining", "varachha-cutting", true),
          new Flow("CD", "AE", 12, "kasai-coop", "creek-diamonds", true),
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
  private final DemoSignIns accounts;
  private final TransactionTemplate tx;
  private final Clock clock;

  public CertificationDemo(
      IssuingCertificates issuing,
      ConfirmingImports confirming,
      CancellingCertificates cancelling,
      ExpiringCertificates expiring,
      ValueReferences references,
      DemoSignIns accounts,
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

  /**
   * A red flag planted in the demo's certificates for due diligence to raise.
   *
   * @param rule the rule that should raise it
   * @param certificate the certificate it rests on
   * @param what what was planted, in a few words
   * @param signInAs demo accounts that see the finding and may answer it
   */
  public record Planted(String rule, String certificate, String what, List<String> signInAs) {
    public Planted {
      signInAs = List.copyOf(signInAs);
    }
  }

  /** What the demo created: how many certificates were issued, and the planted red flags. */
  public record Created(int issued, List<Planted> planted) {
    public Created {
      planted = List.copyOf(planted);
    }
  }

  /** Creates the year of certificates with the planted red flags. */
  public Created create(List<DemoAccount> demoAccounts) {
    Map<String, DemoAccount> byUser = new HashMap<>();
    demoAccounts.forEach(a -> byUser.put(a.username(), a));
    Map<String, Caller> callers = new HashMap<>();
    for (String username : AUTHORITY.values()) {
      DemoAccount a = byUser.get(username);
      if (a != null) {
        accounts.signIn(a).ifPresent(c -> callers.put(username, c));
      }
    }
    Map<String, Integer> certificatesPerProducer = new HashMap<>();
    for (Flow f : FLOWS) {
      if (f.producer()) {
        certificatesPerProducer.merge(f.from(), f.perYear(), Integer::sum);
      }
    }
    LocalDate today = LocalDate.now(clock);
    List<Planted> planted = new ArrayList<>();
    // Planted red flag (STAT-02, mirror mismatch): an export its importer never recorded. First,
    // so that the year's confirmations that follow have the statistics checks judge it.
    Flow toDubai = new Flow("CA", "AE", 1, "tundra-mines", "creek-diamonds", true);
    plant(
            callers,
            byUser,
            new Plant(
                "STAT-02",
                "Canada certified a parcel to the UAE that the UAE never recorded as imported",
                List.of("kp-ca", "kp-ae"),
                toDubai,
                List.of("CA"),
                "61250.00",
                usdPerCarat(toDubai, certificatesPerProducer),
                today.minusDays(200),
                null))
        .ifPresent(planted::add);
    Random random = new Random(2022);
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
      long yearly = yearly(f, certificatesPerProducer);
      BigDecimal usdPerCarat = usdPerCarat(f, certificatesPerProducer);
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
            request(
                f,
                exporter.get(),
                importer.get(),
                f.producer() ? List.of(f.from()) : List.of(),
                carats,
                value,
                1 + random.nextInt(8),
                "SEAL-" + f.from() + "-" + String.format(Locale.ROOT, "%06d", sequence),
                issuedOn);
        int fate = sequence % 31;
        LocalDate receivedOn = issuedOn.plusDays(2 + random.nextInt(9));
        boolean waiting =
            fate == 13
                || receivedOn.isAfter(today)
                || (issuedOn.isAfter(today.minusDays(15)) && sequence % 2 == 0);
        shipment(issuer, importing, request, issuedOn, fate == 7, waiting ? null : receivedOn);
        issued++;
      }
    }
    // Planted red flag (DD-05, and KP-11 when outside the band): an over-valued re-export. After
    // the year's trade, so that the matching imports are there to compare with.
    Flow antwerp = flow("EU", "IN");
    plant(
            callers,
            byUser,
            new Plant(
                "DD-05",
                "an Antwerp re-export to India declared at "
                    + OVERVALUED
                    + " times what Antwerp paid for its imports",
                List.of("schelde-rough", "kp-eu-be"),
                antwerp,
                List.of(),
                "12500.00",
                usdPerCarat(antwerp, certificatesPerProducer)
                    .divide(REEXPORT_MARKUP, 2, RoundingMode.HALF_EVEN)
                    .multiply(BigDecimal.valueOf(OVERVALUED)),
                today.minusDays(20),
                today.minusDays(14)))
        .ifPresent(planted::add);
    // Planted red flag (DD-02): origin claimed beyond production; the UAE reports none.
    Flow dubai = flow("AE", "IN");
    plant(
            callers,
            byUser,
            new Plant(
                "DD-02",
                "a Dubai export declaring UAE origin, where nothing is mined",
                List.of("creek-diamonds", "kp-ae"),
                dubai,
                List.of("AE"),
                "48000.00",
                usdPerCarat(dubai, certificatesPerProducer),
                today.minusDays(35),
                today.minusDays(30)))
        .ifPresent(planted::add);
    tx.execute(s -> expiring.on(on(today)).expireDue());
    return new Created(issued + planted.size(), planted);
  }

  private static Flow flow(String from, String to) {
    return FLOWS.stream()
        .filter(f -> f.from().equals(from) && f.to().equals(to))
        .findFirst()
        .orElseThrow();
  }

  /** How many times the importer's price the planted over-valued re-export declares. */
  static final int OVERVALUED = 6;

  /** A trading centre's re-exports are valued at what it paid for its imports plus this. */
  static final BigDecimal REEXPORT_MARKUP = new BigDecimal("1.15");

  /** A flow's carats in a year: the producer's production shared by its flows, or a fixed size. */
  private static long yearly(Flow f, Map<String, Integer> certificatesPerProducer) {
    return f.producer()
        ? PRODUCTION_2022.get(f.from()) / certificatesPerProducer.get(f.from()) * f.perYear()
        : 6_000_000L * f.perYear() / 12;
  }

  /**
   * A flow's USD per carat: the origin's reference value for a producer; for a trading centre's
   * re-export, the average of what the producers' flows into it are worth, plus {@link
   * #REEXPORT_MARKUP} (the world's reference value when nothing flows in).
   */
  private BigDecimal usdPerCarat(Flow f, Map<String, Integer> certificatesPerProducer) {
    if (f.producer()) {
      return references.usdPerCarat(CountryCode.of(f.from())).orElseThrow().value();
    }
    BigDecimal carats = BigDecimal.ZERO;
    BigDecimal usd = BigDecimal.ZERO;
    for (Flow in : FLOWS) {
      if (in.producer() && in.to().equals(f.from())) {
        BigDecimal ct = BigDecimal.valueOf(yearly(in, certificatesPerProducer));
        carats = carats.add(ct);
        usd = usd.add(ct.multiply(usdPerCarat(in, certificatesPerProducer)));
      }
    }
    BigDecimal paid =
        carats.signum() == 0
            ? references.world().orElseThrow().value()
            : usd.divide(carats, 2, RoundingMode.HALF_EVEN);
    return paid.multiply(REEXPORT_MARKUP).setScale(2, RoundingMode.HALF_EVEN);
  }

  private static IssueRequest request(
      Flow f,
      UUID exporter,
      UUID importer,
      List<String> origins,
      BigDecimal carats,
      BigDecimal value,
      int parcels,
      String seal,
      LocalDate issuedOn) {
    return new IssueRequest(
        exporter,
        importer,
        f.to(),
        origins.isEmpty() ? OriginKind.MIXED : OriginKind.SINGLE,
        origins,
        null,
        List.of(
            new IssueRequest.LineRequest("7102.31", carats.toPlainString(), value.toPlainString())),
        parcels,
        seal,
        issuedOn,
        issuedOn.plusDays(45),
        null);
  }

  /**
   * A planted shipment of a flow and the red flag it should raise: issued on {@code issuedOn} for
   * the given origins, carats and USD per carat, confirmed on {@code receivedOn} unless null.
   */
  private record Plant(
      String rule,
      String what,
      List<String> signInAs,
      Flow flow,
      List<String> origins,
      String carats,
      BigDecimal usdPerCarat,
      LocalDate issuedOn,
      @Nullable LocalDate receivedOn) {}

  /** Ships a plant; what was planted, or empty without the accounts it needs. */
  private Optional<Planted> plant(
      Map<String, Caller> callers, Map<String, DemoAccount> byUser, Plant p) {
    Flow f = p.flow();
    Caller issuer = callers.get(AUTHORITY.get(f.from()));
    Caller importing = callers.get(AUTHORITY.get(f.to()));
    Optional<UUID> exporter = id(byUser, f.exporter());
    Optional<UUID> importer = id(byUser, f.importer());
    if (issuer == null || importing == null || exporter.isEmpty() || importer.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal ct = new BigDecimal(p.carats());
    IssueRequest request =
        request(
            f,
            exporter.get(),
            importer.get(),
            p.origins(),
            ct,
            ct.multiply(p.usdPerCarat()).setScale(2, RoundingMode.HALF_EVEN),
            4,
            "SEAL-" + f.from() + "-P" + p.issuedOn().getDayOfYear(),
            p.issuedOn());
    String number = shipment(issuer, importing, request, p.issuedOn(), false, p.receivedOn());
    return Optional.of(new Planted(p.rule(), number, p.what(), p.signInAs()));
  }

  /**
   * One shipment's whole story in one transaction, so the expiry job never sees a back-dated
   * certificate between its issue and its confirmation: issued, then cancelled the next day, or
   * confirmed on {@code receivedOn}, or left waiting (null).
   */
  private String shipment(
      Caller issuer,
      Caller importing,
      IssueRequest request,
      LocalDate issuedOn,
      boolean cancel,
      @Nullable LocalDate receivedOn) {
    String number =
        tx.execute(
            s -> {
              if (!(issuing.on(on(issuedOn)).issue(issuer, request) instanceof Issued done)) {
                throw new IllegalStateException("a demo certificate was refused");
              }
              KpCertificate c = done.certificate();
              if (cancel) {
                cancelling
                    .on(on(issuedOn.plusDays(1)))
                    .cancel(issuer, c.number(), "Shipment withdrawn by the exporter");
              } else if (receivedOn != null) {
                confirming
                    .on(on(receivedOn))
                    .confirm(importing, c.number(), ConfirmRequest.matching(c, receivedOn));
              }
              return c.number();
            });
    if (number == null) {
      throw new IllegalStateException("a demo certificate was not issued");
    }
    return number;
  }

  private Optional<UUID> id(Map<String, DemoAccount> byUser, String username) {
    DemoAccount a = byUser.get(username);
    return a == null ? Optional.empty() : Optional.of(a.organisationId());
  }
}

package org.kimberlite.custody.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.ConfirmRequest;
import org.kimberlite.certification.ConfirmingImports;
import org.kimberlite.certification.IssueRequest;
import org.kimberlite.certification.Issued;
import org.kimberlite.certification.IssuingCertificates;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.OriginKind;
import org.kimberlite.custody.CaptureError;
import org.kimberlite.custody.CaptureJob;
import org.kimberlite.custody.Capturing;
import org.kimberlite.custody.ErrorBehaviour;
import org.kimberlite.custody.Submission;
import org.kimberlite.custody.TracingProvenance;
import org.kimberlite.custody.internal.CaptureWorker;
import org.kimberlite.custody.internal.EpcisDocuments;
import org.kimberlite.custody.internal.rules.WarrantyStatements;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.DemoAccount;
import org.kimberlite.registry.DemoSignIns;
import org.kimberlite.shared.Carats;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo world's chain of custody: the demo companies move KP-certified rough from two mines
 * (Botswana, Canada) through sorting, shipping under KP certificates that the demo issues and the
 * importing authorities confirm, trading with invoices and warranties, splitting and mixing,
 * cutting (yields of 35 and 40 %), grading and screening, setting into jewellery and retail sale —
 * every document captured through the same use case as the EPCIS capture API, as of dates before
 * the injected clock's today. Two planted violations are refused: a laboratory-grown parcel slipped
 * into a natural lot (LGD-02) and an invoice whose description hides that the goods are
 * laboratory-grown (NOM-01). One is stored and flagged for due diligence: a stone of a natural lot
 * screened laboratory-grown at the laboratory (LGD-04).
 */
@Service
public class CustodyDemo {
  static final String MINE_BW = "kalahari-mining";
  static final String MINE_CA = "tundra-mines";
  static final String ANTWERP = "schelde-rough";
  static final String CUTTER_SURAT = "tapti-diamonds";
  static final String CUTTER_MUMBAI = "varachha-cutting";
  static final String LAB = "meridian-lab";
  static final String JEWELLER_US = "hudson-jewelry";
  static final String JEWELLER_IT = "atelier-lumen";
  static final String RETAIL_US = "carat-crown";
  static final String RETAIL_FR = "maison-etoile";
  static final String LAB_GROWN = "deccan-lgd";

  /** The companies that capture events, and the authorities that issue and confirm. */
  static final List<String> COMPANIES =
      List.of(
          MINE_BW,
          MINE_CA,
          ANTWERP,
          CUTTER_SURAT,
          CUTTER_MUMBAI,
          LAB,
          JEWELLER_US,
          JEWELLER_IT,
          RETAIL_US,
          RETAIL_FR,
          LAB_GROWN);

  static final List<String> AUTHORITIES = List.of("kp-bw", "kp-ca", "kp-eu-be", "kp-in");

  /** The pieces of jewellery the retailers receive. */
  public static final List<String> RETAIL_PIECES =
      List.of(
          "urn:epc:id:sgtin:9521006.040001.RING-1",
          "urn:epc:id:sgtin:9521006.040001.RING-2",
          "urn:epc:id:sgtin:9521007.040002.PENDANT-1",
          "urn:epc:id:sgtin:9521007.040002.EARRINGS-1");

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
  private static final String PROFILE = "https://kimberlite.org/epcis/profile/";
  private static final Duration WAIT = Duration.ofMinutes(2);

  private final Capturing capturing;
  private final CaptureWorker worker;
  private final IssuingCertificates issuing;
  private final ConfirmingImports confirming;
  private final TracingProvenance tracing;
  private final DemoSignIns accounts;
  private final TransactionTemplate tx;
  private final Clock clock;

  public CustodyDemo(
      Capturing capturing,
      CaptureWorker worker,
      IssuingCertificates issuing,
      ConfirmingImports confirming,
      TracingProvenance tracing,
      DemoSignIns accounts,
      TransactionTemplate tx,
      Clock clock) {
    this.tracing = tracing;
    this.capturing = capturing;
    this.worker = worker;
    this.issuing = issuing;
    this.confirming = confirming;
    this.accounts = accounts;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * A planted violation and what the capture said of it: refused under {@code rules}, or (a red
   * flag) stored with findings under {@code rules} for due diligence to raise.
   */
  public record Planted(
      String username, String attempt, UUID jobId, List<String> rules, boolean refused) {
    public Planted {
      rules = List.copyOf(rules);
    }
  }

  /**
   * What the demo did.
   *
   * @param documents capture documents submitted
   * @param eventsStored events stored by them
   * @param certificates the KP certificates issued and confirmed for the rough's shipments
   * @param planted the planted violations (each refused unless something is wrong)
   * @param publicTraces the consumer traces the retailers published, by retail piece: the public id
   *     of the page {@code /trace/{id}} that a QR code on the piece's tag leads to
   * @param failures what went wrong otherwise (empty when every other document was stored)
   */
  public record Summary(
      int documents,
      int eventsStored,
      List<String> certificates,
      List<Planted> planted,
      Map<String, String> publicTraces,
      List<String> failures) {
    public Summary {
      certificates = List.copyOf(certificates);
      planted = List.copyOf(planted);
      publicTraces = Map.copyOf(publicTraces);
      failures = List.copyOf(failures);
    }
  }

  /** One capture document of the story, by one company. */
  private record Step(String username, String what, String document, @Nullable String planted) {}

  /** An amount of goods: a class (lot) weighed in a quantity list, or one instance (a stone). */
  private record Lot(String id, boolean instance, Carats carats) {}

  private static Lot lot(String id, String carats) {
    return new Lot(id, false, Carats.of(carats));
  }

  private static Lot item(String id, String carats) {
    return new Lot(id, true, Carats.of(carats));
  }

  /** Creates the chain of custody; the demo world's accounts must exist. */
  public Summary create(List<DemoAccount> demoAccounts) throws InterruptedException {
    Map<String, DemoAccount> byUser = new HashMap<>();
    demoAccounts.forEach(a -> byUser.put(a.username(), a));
    Map<String, Caller> callers = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (String username : concat(COMPANIES, AUTHORITIES)) {
      DemoAccount a = byUser.get(username);
      Optional<Caller> c = a == null ? Optional.empty() : accounts.signIn(a);
      if (c.isEmpty()) {
        missing.add(username);
      } else {
        callers.put(username, c.get());
      }
    }
    if (!missing.isEmpty()) {
      return new Summary(
          0, 0, List.of(), List.of(), Map.of(), List.of("no demo account " + missing));
    }
    Chain chain = new Chain(callers, LocalDate.now(clock).minusDays(100));
    List<Step> steps = chain.steps();
    List<UUID> jobs = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Step s : steps) {
      Submission answer =
          capturing.submit(callers.get(s.username()), s.document(), ErrorBehaviour.ROLLBACK);
      if (answer instanceof Submission.Submitted submitted) {
        jobs.add(submitted.jobId());
      } else {
        throw new IllegalStateException("a demo document was not accepted: " + answer);
      }
    }
    if (!worker.drain(WAIT)) {
      failures.add("the capture jobs did not finish within " + WAIT);
    }
    int stored = 0;
    List<Planted> planted = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      Optional<CaptureJob> job = capturing.job(callers.get(s.username()), jobs.get(i));
      if (job.isEmpty() || job.get().running()) {
        failures.add(s.username() + ", " + s.what() + ": not processed");
        continue;
      }
      CaptureJob j = job.get();
      stored += j.eventsStored();
      if (s.planted() != null) {
        planted.add(
            new Planted(
                s.username(),
                s.what(),
                j.id(),
                (j.success() ? j.findings() : j.errors())
                    .stream().map(CaptureError::rule).distinct().toList(),
                !j.success()));
      } else if (!j.success()) {
        failures.add(s.username() + ", " + s.what() + ": " + j.errors());
      }
    }
    // Each retailer publishes the consumer trace of the pieces it received (the QR on the tag).
    Map<String, String> published = new java.util.TreeMap<>();
    for (String piece : RETAIL_PIECES) {
      for (String retailer : List.of(RETAIL_US, RETAIL_FR)) {
        if (tracing.publish(callers.get(retailer), piece)
            instanceof TracingProvenance.PublishOutcome.Published p) {
          published.put(piece, p.publicId());
          break;
        }
      }
      if (!published.containsKey(piece)) {
        failures.add(piece + ": no retailer could publish its consumer trace");
      }
    }
    return new Summary(steps.size(), stored, chain.certificates(), planted, published, failures);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** The story, day by day from {@code start}. */
  private final class Chain {
    private final Map<String, Caller> callers;
    private final LocalDate start;
    private final List<String> certificates = new ArrayList<>();

    Chain(Map<String, Caller> callers, LocalDate start) {
      this.callers = callers;
      this.start = start;
    }

    List<String> certificates() {
      return certificates;
    }

    private UUID org(String username) {
      return callers.get(username).organisationId();
    }

    private LocalDate day(int n) {
      return start.plusDays(n);
    }

    List<Step> steps() {
      List<Step> out = new ArrayList<>();
      // Recovery at the mines (commissioning) and sorting into parcels (aggregation).
      Lot bwA = lot("urn:epc:class:lgtin:9521001.010001.KRM-A", "1250.40");
      Lot bwB = lot("urn:epc:class:lgtin:9521001.010001.KRM-B", "830.25");
      Lot caA = lot("urn:epc:class:lgtin:9521002.010001.TLM-A", "940.00");
      Lot bwParcel = item("urn:epc:id:sscc:9521001.0000000101", "2080.65");
      Lot caParcel = item("urn:epc:id:sscc:9521002.0000000201", "940.00");
      Place kalahari = new Place("urn:epc:id:sgln:9521001.00001.0", "+02:00");
      Place tundra = new Place("urn:epc:id:sgln:9521002.00001.0", "-07:00");
      Place antwerp = new Place("urn:epc:id:sgln:9521003.00001.0", "+01:00");
      Place surat = new Place("urn:epc:id:sgln:9521004.00001.0", "+05:30");
      Place mumbai = new Place("urn:epc:id:sgln:9521005.00001.0", "+05:30");
      Place lab = new Place("urn:epc:id:sgln:9521009.00001.0", "+01:00");
      Place newYork = new Place("urn:epc:id:sgln:9521006.00001.0", "-05:00");
      Place vicenza = new Place("urn:epc:id:sgln:9521007.00001.0", "+01:00");
      Place fifthAvenue = new Place("urn:epc:id:sgln:9521010.00001.0", "-05:00");
      Place paris = new Place("urn:epc:id:sgln:9521011.00001.0", "+01:00");
      Place hyderabad = new Place("urn:epc:id:sgln:9521008.00001.0", "+05:30");
      out.add(
          step(
              MINE_BW,
              "recovery at the mine",
              commission(kalahari.at(day(0), 8), List.of(bwA, bwB), "natural", "BW")));
      out.add(
          step(
              MINE_CA,
              "recovery at the mine",
              commission(tundra.at(day(0), 9), List.of(caA), "natural", "CA")));
      out.add(
          step(
              MINE_BW,
              "sorting into a parcel",
              pack(kalahari.at(day(1), 10), bwParcel.id(), List.of(bwA, bwB))));
      out.add(
          step(
              MINE_CA,
              "sorting into a parcel",
              pack(tundra.at(day(1), 10), caParcel.id(), List.of(caA))));

      // Export under KP certificates, confirmed by the importing authority.
      String kpBw =
          certificate(
              "kp-bw", "kp-eu-be", MINE_BW, ANTWERP, "EU", List.of("BW"), bwParcel, "192.40", 3, 5);
      String kpCa =
          certificate(
              "kp-ca", "kp-eu-be", MINE_CA, ANTWERP, "EU", List.of("CA"), caParcel, "131.10", 3, 6);
      out.add(
          step(
              MINE_BW,
              "export to Antwerp under " + kpBw,
              ship(
                  kalahari.at(day(3), 11),
                  List.of(bwParcel),
                  ANTWERP,
                  kpBw,
                  "urn:kimberlite:invoice:KRM-2025-0101",
                  "Rough diamonds, natural, untreated, Botswana",
                  "rough")));
      out.add(
          step(
              MINE_CA,
              "export to Antwerp under " + kpCa,
              ship(
                  tundra.at(day(3), 11),
                  List.of(caParcel),
                  ANTWERP,
                  kpCa,
                  "urn:kimberlite:invoice:TLM-2025-0201",
                  "Rough diamonds, natural, untreated, Canada",
                  "rough")));
      out.add(
          step(ANTWERP, "import under " + kpBw, receive(antwerp.at(day(5), 9), bwParcel, kpBw)));
      out.add(
          step(ANTWERP, "import under " + kpCa, receive(antwerp.at(day(6), 9), caParcel, kpCa)));

      // Splitting and mixing into assortments of mixed origin.
      Lot mixA = lot("urn:epc:class:lgtin:9521003.020001.AS-1", "1710.65");
      Lot mixB = lot("urn:epc:class:lgtin:9521003.020001.AS-2", "1310.00");
      out.add(
          step(
              ANTWERP,
              "splitting and mixing into assortments",
              transform(
                  antwerp.at(day(8), 14),
                  PROFILE + "sorting",
                  List.of(bwParcel, caParcel),
                  List.of(mixA, mixB),
                  "rough")));

      // Trading the assortments to the cutters in India, each under its own KP certificate.
      String kpSurat =
          certificate(
              "kp-eu-be", "kp-in", ANTWERP, CUTTER_SURAT, "IN", List.of(), mixA, "171.20", 10, 12);
      String kpMumbai =
          certificate(
              "kp-eu-be", "kp-in", ANTWERP, CUTTER_MUMBAI, "IN", List.of(), mixB, "168.75", 10, 12);
      out.add(
          step(
              ANTWERP,
              "sale to Surat under " + kpSurat,
              ship(
                  antwerp.at(day(10), 10),
                  List.of(mixA),
                  CUTTER_SURAT,
                  kpSurat,
                  "urn:kimberlite:invoice:SR-2025-0311",
                  "Rough diamonds, natural, mixed origin",
                  "rough")));
      out.add(
          step(
              ANTWERP,
              "sale to Mumbai under " + kpMumbai,
              ship(
                  antwerp.at(day(10), 11),
                  List.of(mixB),
                  CUTTER_MUMBAI,
                  kpMumbai,
                  "urn:kimberlite:invoice:SR-2025-0312",
                  "Rough diamonds, natural, mixed origin",
                  "rough")));
      out.add(
          step(
              CUTTER_SURAT,
              "import under " + kpSurat,
              receive(surat.at(day(12), 10), mixA, kpSurat)));
      out.add(
          step(
              CUTTER_MUMBAI,
              "import under " + kpMumbai,
              receive(mumbai.at(day(12), 11), mixB, kpMumbai)));

      // A laboratory-grown producer's parcel: first invoiced as plain "rough diamonds" (refused,
      // NOM-01), then described as it is; the cutter receives it and tries to slip it into its
      // natural assortment (refused, LGD-02).
      Lot grown = lot("urn:epc:class:lgtin:9521008.050001.LGD-1", "300.00");
      out.add(
          step(
              LAB_GROWN,
              "production of laboratory-grown rough",
              commission(hyderabad.at(day(13), 9), List.of(grown), "laboratory-grown", null)));
      out.add(
          planted(
              LAB_GROWN,
              "invoice describing laboratory-grown rough as \"Rough diamonds\"",
              ship(
                  hyderabad.at(day(14), 10),
                  List.of(grown),
                  CUTTER_MUMBAI,
                  null,
                  "urn:kimberlite:invoice:DLG-2025-0007",
                  "Rough diamonds",
                  "rough",
                  false),
              "NOM-01"));
      out.add(
          step(
              LAB_GROWN,
              "sale of laboratory-grown rough to Mumbai",
              ship(
                  hyderabad.at(day(14), 11),
                  List.of(grown),
                  CUTTER_MUMBAI,
                  null,
                  "urn:kimberlite:invoice:DLG-2025-0008",
                  "Laboratory-grown diamonds, rough",
                  "rough",
                  false)));
      out.add(
          step(
              CUTTER_MUMBAI,
              "receipt of laboratory-grown rough",
              receive(mumbai.at(day(15), 10), grown, null)));
      out.add(
          planted(
              CUTTER_MUMBAI,
              "laboratory-grown parcel packed into a natural lot",
              pack(
                  mumbai.at(day(16), 10),
                  "urn:epc:id:sscc:9521005.0000000501",
                  List.of(mixB, grown)),
              "LGD-02"));

      // Cutting and polishing: 40 % and 35 % yields; single stones and parcels of smaller goods.
      Lot t1 = item("urn:epc:id:sgtin:9521004.030001.T-0001", "1.02");
      Lot t2 = item("urn:epc:id:sgtin:9521004.030001.T-0002", "0.90");
      Lot t3 = item("urn:epc:id:sgtin:9521004.030001.T-0003", "0.71");
      Lot tLot = lot("urn:epc:class:lgtin:9521004.030002.TP-1", "681.63");
      Lot v1 = item("urn:epc:id:sgtin:9521005.030001.V-0001", "0.55");
      Lot v2 = item("urn:epc:id:sgtin:9521005.030001.V-0002", "0.50");
      Lot v3 = item("urn:epc:id:sgtin:9521005.030001.V-0003", "0.50");
      Lot vLot = lot("urn:epc:class:lgtin:9521005.030002.VP-1", "456.95");
      out.add(
          step(
              CUTTER_SURAT,
              "cutting and polishing (40 % yield)",
              transform(
                  surat.at(day(30), 17),
                  PROFILE + "cutting",
                  List.of(mixA),
                  List.of(t1, t2, t3, tLot),
                  "polished")));
      out.add(
          step(
              CUTTER_MUMBAI,
              "cutting and polishing (35 % yield)",
              transform(
                  mumbai.at(day(31), 17),
                  PROFILE + "cutting",
                  List.of(mixB),
                  List.of(v1, v2, v3, vLot),
                  "polished")));

      // Grading and screening at the laboratory.
      out.add(
          step(
              LAB,
              "grading and screening",
              inspect(lab.at(day(45), 12), List.of(t1, t2, v1, v2, v3), "natural")));
      // Planted red flag (LGD-04): a stone cut from the natural assortment is screened
      // laboratory-grown; due diligence raises a finding on every upstream holder.
      out.add(
          planted(
              LAB,
              "a stone of Surat's natural lot screened laboratory-grown",
              inspect(lab.at(day(45), 14), List.of(t3), "laboratory-grown"),
              "LGD-04"));

      // Trading the polished stones to the jewellery makers (invoice and warranty).
      out.add(
          step(
              CUTTER_SURAT,
              "sale of polished to New York",
              ship(
                  surat.at(day(50), 10),
                  List.of(t1, t2),
                  JEWELLER_US,
                  null,
                  "urn:kimberlite:invoice:TD-2025-1042",
                  "Polished diamonds, natural, 2 stones, 1.92 ct",
                  "polished")));
      out.add(
          step(
              CUTTER_MUMBAI,
              "sale of polished to Vicenza",
              ship(
                  mumbai.at(day(50), 11),
                  List.of(v1, v2, v3),
                  JEWELLER_IT,
                  null,
                  "urn:kimberlite:invoice:VB-2025-0815",
                  "Polished diamonds, natural, 3 stones, 1.55 ct",
                  "polished")));
      out.add(step(JEWELLER_US, "receipt of polished", receiveAll(newYork.at(day(55), 9), t1, t2)));
      out.add(
          step(JEWELLER_IT, "receipt of polished", receiveAll(vicenza.at(day(55), 9), v1, v2, v3)));

      // Setting into jewellery (aggregation).
      Lot ring1 = item(RETAIL_PIECES.get(0), "1.02");
      Lot ring2 = item(RETAIL_PIECES.get(1), "0.90");
      Lot pendant = item(RETAIL_PIECES.get(2), "0.55");
      Lot earrings = item(RETAIL_PIECES.get(3), "1.00");
      out.add(
          step(
              JEWELLER_US,
              "setting into rings",
              set(newYork.at(day(65), 10), ring1.id(), List.of(t1)),
              set(newYork.at(day(65), 11), ring2.id(), List.of(t2))));
      out.add(
          step(
              JEWELLER_IT,
              "setting into a pendant and earrings",
              set(vicenza.at(day(66), 10), pendant.id(), List.of(v1)),
              set(vicenza.at(day(66), 11), earrings.id(), List.of(v2, v3))));

      // To the retailers (invoice and warranty), and the retail sales.
      out.add(
          step(
              JEWELLER_US,
              "sale of rings to the retailer",
              ship(
                  newYork.at(day(75), 10),
                  List.of(ring1, ring2),
                  RETAIL_US,
                  null,
                  "urn:kimberlite:invoice:HFJ-2025-0450",
                  "Two 18 carat gold solitaire rings set with natural diamonds",
                  "jewellery")));
      out.add(
          step(
              JEWELLER_IT,
              "sale of a pendant and earrings to the retailer",
              ship(
                  vicenza.at(day(75), 11),
                  List.of(pendant, earrings),
                  RETAIL_FR,
                  null,
                  "urn:kimberlite:invoice:AL-2025-0093",
                  "Platinum pendant and earrings set with natural diamonds",
                  "jewellery")));
      out.add(
          step(
              RETAIL_US,
              "receipt of rings",
              receiveAll(fifthAvenue.at(day(78), 10), ring1, ring2)));
      out.add(
          step(
              RETAIL_FR,
              "receipt of a pendant and earrings",
              receiveAll(paris.at(day(78), 10), pendant, earrings)));
      out.add(
          step(
              RETAIL_US,
              "retail sale of a ring",
              retail(
                  fifthAvenue.at(day(90), 15),
                  ring1,
                  "urn:kimberlite:invoice:CC-2025-7781",
                  "18 carat gold solitaire ring set with a natural diamond of 1.02 carats")));
      out.add(
          step(
              RETAIL_FR,
              "retail sale of a pendant",
              retail(
                  paris.at(day(91), 16),
                  pendant,
                  "urn:kimberlite:invoice:ME-2025-0311",
                  "Platinum pendant set with a natural diamond of 0.55 carat")));
      return out;
    }

    private Step planted(String username, String what, ObjectNode event, String rule) {
      return new Step(username, what, document(event), rule);
    }

    private Step step(String username, String what, ObjectNode... events) {
      return new Step(username, what, document(events), null);
    }

    /**
     * Issues a certificate for the shipment of {@code goods} as of day {@code issuedOn} and has the
     * importing authority confirm it as of day {@code receivedOn}, in one transaction (so the
     * expiry sweep never sees it half done).
     */
    private String certificate(
        String authority,
        String importingAuthority,
        String exporter,
        String importer,
        String importingParticipant,
        List<String> origins,
        Lot goods,
        String usdPerCarat,
        int issuedOn,
        int receivedOn) {
      BigDecimal value =
          goods
              .carats()
              .value()
              .multiply(new BigDecimal(usdPerCarat))
              .setScale(2, RoundingMode.HALF_EVEN);
      String seal = "SEAL-" + goods.id().substring(goods.id().lastIndexOf('.') + 1);
      IssueRequest request =
          new IssueRequest(
              org(exporter),
              org(importer),
              importingParticipant,
              origins.isEmpty() ? OriginKind.MIXED : OriginKind.SINGLE,
              origins,
              null,
              List.of(
                  new IssueRequest.LineRequest(
                      "7102.31", goods.carats().value().toPlainString(), value.toPlainString())),
              1,
              seal,
              day(issuedOn),
              day(issuedOn).plusDays(30),
              null);
      String number =
          tx.execute(
              s -> {
                if (!(issuing.on(on(day(issuedOn))).issue(callers.get(authority), request)
                    instanceof Issued done)) {
                  throw new IllegalStateException("a demo certificate was refused");
                }
                KpCertificate c = done.certificate();
                confirming
                    .on(on(day(receivedOn)))
                    .confirm(
                        callers.get(importingAuthority),
                        c.number(),
                        ConfirmRequest.matching(c, day(receivedOn)));
                return c.number();
              });
      if (number == null) {
        throw new IllegalStateException("a demo certificate was not issued");
      }
      certificates.add(number);
      return number;
    }

    private ObjectNode ship(
        Timed at,
        List<Lot> goods,
        String to,
        @Nullable String certificate,
        String invoice,
        String description,
        String kind) {
      return ship(at, goods, to, certificate, invoice, description, kind, true);
    }

    /** A shipment to another company, with its invoice and, when {@code warranted}, a warranty. */
    private ObjectNode ship(
        Timed at,
        List<Lot> goods,
        String to,
        @Nullable String certificate,
        String invoice,
        String description,
        String kind,
        boolean warranted) {
      ObjectNode e = objectEvent(at, "OBSERVE", "shipping", goods);
      e.put("disposition", "in_transit");
      ArrayNode transactions = e.putArray("bizTransactionList");
      if (certificate != null) {
        transactions.add(kp(certificate));
      }
      ObjectNode inv = transactions.addObject();
      inv.put("type", "inv");
      inv.put("bizTransaction", invoice);
      ObjectNode owner = e.putArray("destinationList").addObject();
      owner.put("type", "owning_party");
      owner.put("destination", "urn:kimberlite:org:" + org(to));
      e.put("kimberlite:goods", kind);
      if (warranted) {
        e.put("kimberlite:warranty", WarrantyStatements.REVISED_TEXT);
      }
      e.put("kimberlite:description", description);
      return e;
    }
  }

  // ---- events ----

  /** A place (its SGLN) and its offset from UTC. */
  private record Place(String sgln, String offset) {
    Timed at(LocalDate day, int hour) {
      return new Timed(this, day, hour);
    }
  }

  /** A time at a place. */
  private record Timed(Place place, LocalDate day, int hour) {
    String time() {
      return TIME.format(day.atTime(hour, 0).atOffset(ZoneOffset.of(place.offset())));
    }
  }

  private static Clock on(LocalDate day) {
    return Clock.fixed(day.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  }

  private static ObjectNode node() {
    return EpcisDocuments.mapper().createObjectNode();
  }

  private String document(ObjectNode... events) {
    ObjectNode d = node();
    ArrayNode context = d.putArray("@context");
    context.add("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
    context.addObject().put("kimberlite", PROFILE);
    d.put("type", "EPCISDocument");
    d.put("schemaVersion", "2.0");
    d.put("creationDate", TIME.format(clock.instant().atOffset(ZoneOffset.UTC)));
    ArrayNode list = d.putObject("epcisBody").putArray("eventList");
    for (ObjectNode e : events) {
      list.add(e);
    }
    return EpcisDocuments.mapper().writeValueAsString(d);
  }

  private static ObjectNode base(String type, Timed at) {
    ObjectNode e = node();
    e.put("type", type);
    e.put("eventTime", at.time());
    e.put("eventTimeZoneOffset", at.place().offset());
    return e;
  }

  private static void where(ObjectNode e, Timed at) {
    e.putObject("readPoint").put("id", at.place().sgln());
  }

  /** An ObjectEvent naming {@code goods}: instances in epcList, lots in quantityList. */
  private static ObjectNode objectEvent(Timed at, String action, String bizStep, List<Lot> goods) {
    ObjectNode e = base("ObjectEvent", at);
    ArrayNode epcs = e.putArray("epcList");
    goods.stream().filter(Lot::instance).forEach(g -> epcs.add(g.id()));
    e.put("action", action);
    quantities(e, "quantityList", goods);
    weights(e, goods);
    e.put("bizStep", bizStep);
    where(e, at);
    return e;
  }

  private static void quantities(ObjectNode e, String member, List<Lot> goods) {
    List<Lot> lots = goods.stream().filter(g -> !g.instance()).toList();
    if (lots.isEmpty()) {
      return;
    }
    ArrayNode list = e.putArray(member);
    for (Lot l : lots) {
      ObjectNode q = list.addObject();
      q.put("epcClass", l.id());
      q.put("quantity", l.carats().value());
      q.put("uom", "CTM");
    }
  }

  private static void weights(ObjectNode e, List<Lot> goods) {
    Map<String, BigDecimal> w = new LinkedHashMap<>();
    goods.stream().filter(Lot::instance).forEach(g -> w.put(g.id(), g.carats().value()));
    if (!w.isEmpty()) {
      ObjectNode carats = e.putObject("kimberlite:carats");
      w.forEach(carats::put);
    }
  }

  private static ObjectNode kp(String number) {
    ObjectNode t = node();
    t.put("type", PROFILE + "kp-certificate");
    t.put("bizTransaction", "urn:kimberlite:kp-certificate:" + number);
    return t;
  }

  private static ObjectNode commission(
      Timed at, List<Lot> lots, String nature, @Nullable String origin) {
    ObjectNode e = objectEvent(at, "ADD", "commissioning", lots);
    e.put("disposition", "active");
    e.put("kimberlite:nature", nature);
    if (origin != null) {
      e.putArray("kimberlite:origin").add(origin);
    }
    e.put("kimberlite:goods", "rough");
    e.put("kimberlite:treated", false);
    return e;
  }

  private static ObjectNode pack(Timed at, String parent, List<Lot> children) {
    ObjectNode e = base("AggregationEvent", at);
    e.put("parentID", parent);
    e.putArray("childEPCs");
    e.put("action", "ADD");
    quantities(e, "childQuantityList", children);
    e.put("bizStep", "packing");
    where(e, at);
    return e;
  }

  private static ObjectNode receive(Timed at, Lot first, @Nullable String certificate) {
    ObjectNode e = objectEvent(at, "OBSERVE", "receiving", List.of(first));
    e.put("disposition", "in_progress");
    if (certificate != null) {
      e.putArray("bizTransactionList").add(kp(certificate));
    }
    return e;
  }

  private static ObjectNode receiveAll(Timed at, Lot... goods) {
    ObjectNode e = objectEvent(at, "OBSERVE", "receiving", List.of(goods));
    e.put("disposition", "in_progress");
    return e;
  }

  private static ObjectNode transform(
      Timed at, String bizStep, List<Lot> inputs, List<Lot> outputs, String kind) {
    ObjectNode e = base("TransformationEvent", at);
    ArrayNode in = e.putArray("inputEPCList");
    inputs.stream().filter(Lot::instance).forEach(g -> in.add(g.id()));
    quantities(e, "inputQuantityList", inputs);
    ArrayNode out = e.putArray("outputEPCList");
    outputs.stream().filter(Lot::instance).forEach(g -> out.add(g.id()));
    quantities(e, "outputQuantityList", outputs);
    e.put("bizStep", bizStep);
    where(e, at);
    e.put("kimberlite:goods", kind);
    weights(e, outputs);
    return e;
  }

  private static ObjectNode inspect(Timed at, List<Lot> stones, String result) {
    ObjectNode e = objectEvent(at, "OBSERVE", "inspecting", stones);
    ObjectNode s = e.putObject("kimberlite:screening");
    s.put("kimberlite:instrument", "Automated spectroscopic screening device");
    s.put("kimberlite:result", result);
    return e;
  }

  private static ObjectNode set(Timed at, String piece, List<Lot> stones) {
    ObjectNode e = base("AggregationEvent", at);
    e.put("parentID", piece);
    ArrayNode children = e.putArray("childEPCs");
    stones.forEach(s -> children.add(s.id()));
    e.put("action", "ADD");
    e.put("bizStep", "assembling");
    where(e, at);
    e.put("kimberlite:goods", "jewellery");
    return e;
  }

  private static ObjectNode retail(Timed at, Lot piece, String invoice, String description) {
    ObjectNode e = objectEvent(at, "OBSERVE", "retail_selling", List.of(piece));
    e.put("disposition", "retail_sold");
    ObjectNode inv = e.putArray("bizTransactionList").addObject();
    inv.put("type", "inv");
    inv.put("bizTransaction", invoice);
    e.put("kimberlite:description", description);
    return e;
  }
}

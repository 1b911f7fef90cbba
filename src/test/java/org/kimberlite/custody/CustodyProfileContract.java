package org.kimberlite.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kimberlite.custody.internal.EpcisDocuments;
import org.kimberlite.custody.internal.EpcisSchema;
import org.kimberlite.custody.internal.rules.WarrantyStatements;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.support.Actors;
import org.kimberlite.support.Actors.Actor;
import org.kimberlite.support.Api;
import org.kimberlite.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * The diamond profile through the EPCIS capture interface, on each database: the example chain of
 * custody (docs/examples/custody) captured in order, and every profile rule accepted and refused.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
@Import(TestClock.Config.class)
abstract class CustodyProfileContract {
  static final Path EXAMPLES = Path.of("docs/examples/custody");
  static final String REVISED =
      "The diamonds herein invoiced have been purchased from legitimate sources not involved in"
          + " funding conflict, in compliance with United Nations resolutions and corresponding"
          + " national laws. The seller hereby guarantees that these diamonds are conflict free"
          + " and confirms adherence to the WDC SoW Guidelines.";

  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;

  Actor authority;
  Actor miner;
  Actor trader;
  Actor local;

  Api anonymous() {
    return new Api("http://127.0.0.1:" + port);
  }

  @BeforeEach
  void world() {
    Actors actors = new Actors(organisations, accounts, anonymous());
    authority = actors.create(OrganisationRole.KP_AUTHORITY, "BW");
    miner = actors.create(OrganisationRole.TRADER, "BW");
    trader = actors.create(OrganisationRole.TRADER, "BE");
    local = actors.create(OrganisationRole.TRADER, "BW");
    // the example chain's seller warrants its invoices: a current SoW registration (SOW-03)
    ReconciliationContract.register(miner, "2099-12-31");
  }

  // ---- helpers ----

  String certificate(Actor exporter, Actor importer, String carats) {
    Map<String, Object> body = new HashMap<>();
    body.put("exporter", exporter.id().toString());
    body.put("importer", importer.id().toString());
    body.put("importingParticipant", "EU");
    body.put("origin", Map.of("kind", "single", "countries", List.of("BW")));
    body.put(
        "lines", List.of(Map.of("hsCode", "7102.31", "carats", carats, "valueUsd", "50000.00")));
    body.put("parcels", 1);
    body.put("sealId", "SEAL-CUSTODY");
    body.put("issuedOn", LocalDate.now(java.time.ZoneOffset.UTC).toString());
    body.put("expiresOn", LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString());
    Api.Answer a = authority.api().post("/api/v1/certificates", body);
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json().get("number").asString();
  }

  static String document(String... events) {
    return """
        {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                      {"kimberlite": "https://kimberlite.org/epcis/profile/"}],
         "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2025-03-01T10:00:00Z",
         "epcisBody": {"eventList": [%s]}}
        """
        .formatted(String.join(",", events));
  }

  static String lot() {
    return "urn:epc:class:lgtin:9521141.012345." + UUID.randomUUID().toString().substring(0, 8);
  }

  static String commission(String lot, String carats, String members) {
    return """
        {"type": "ObjectEvent", "eventTime": "2025-03-01T09:00:00+02:00",
         "eventTimeZoneOffset": "+02:00", "epcList": [], "action": "ADD",
         "quantityList": [{"epcClass": "%s", "quantity": %s, "uom": "CTM"}],
         "bizStep": "commissioning", "kimberlite:goods": "rough"%s}
        """
        .formatted(lot, carats, members);
  }

  static String observe(String lot, String carats, String bizStep, String members) {
    return """
        {"type": "ObjectEvent", "eventTime": "2025-03-05T09:00:00+02:00",
         "eventTimeZoneOffset": "+02:00", "epcList": [], "action": "OBSERVE",
         "quantityList": [{"epcClass": "%s", "quantity": %s, "uom": "CTM"}],
         "bizStep": "%s"%s}
        """
        .formatted(lot, carats, bizStep, members);
  }

  static String natural() {
    return ", \"kimberlite:nature\": \"natural\", \"kimberlite:origin\": [\"BW\"]";
  }

  static String labGrown() {
    return ", \"kimberlite:nature\": \"laboratory-grown\"";
  }

  static String invoice(String more) {
    return ", \"bizTransactionList\": [{\"type\": \"inv\", \"bizTransaction\":"
        + " \"urn:kimberlite:invoice:1\"}"
        + more
        + "]";
  }

  static String kp(String number) {
    return ", {\"type\": \"https://kimberlite.org/epcis/profile/kp-certificate\","
        + " \"bizTransaction\": \"urn:kimberlite:kp-certificate:"
        + number
        + "\"}";
  }

  static String warranty(String text) {
    return ", \"kimberlite:warranty\": \"" + text + "\"";
  }

  static String to(Actor who) {
    return ", \"destinationList\": [{\"type\": \"owning_party\", \"destination\":"
        + " \"urn:kimberlite:org:"
        + who.id()
        + "\"}]";
  }

  static JsonNode capture(Actor who, String body) throws InterruptedException {
    Api.Answer a =
        who.api().exchange("POST", "/epcis/capture", body, "Content-Type", "application/ld+json");
    assertThat(a.status()).as(a.body()).isEqualTo(202);
    String location = a.raw().headers().firstValue("Location").orElseThrow();
    for (int i = 0; i < 1000; i++) {
      Api.Answer job = who.api().get(location);
      if (!job.json().get("running").asBoolean()) {
        return job.json();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("The capture job did not finish in 20 s");
  }

  static List<String> rules(JsonNode job, String member) {
    List<String> out = new ArrayList<>();
    job.get(member).forEach(e -> out.add(e.get("rule").asString()));
    return out;
  }

  void accepted(Actor who, String body) throws InterruptedException {
    JsonNode job = capture(who, body);
    assertThat(job.get("success").asBoolean()).as(job.toString()).isTrue();
  }

  void refused(Actor who, String body, String rule) throws InterruptedException {
    JsonNode job = capture(who, body);
    assertThat(job.get("success").asBoolean()).as(job.toString()).isFalse();
    assertThat(rules(job, "errors")).as(job.toString()).contains(rule);
    assertThat(job.get("eventsStored").asInt()).isZero();
  }

  // ---- the example chain ----

  @Test
  void theExampleChainIsCapturedInOrder() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      files = s.filter(p -> p.toString().endsWith(".jsonld")).sorted().toList();
    }
    assertThat(files).hasSize(9);
    String number = certificate(miner, trader, "100.00");
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      assertThat(EpcisSchema.bundled().validate(EpcisDocuments.parse(text)))
          .as(file.toString())
          .isEmpty();
      Actor who = file.getFileName().toString().compareTo("04") < 0 ? miner : trader;
      String body =
          text.replace("urn:kimberlite:org:TRADER", "urn:kimberlite:org:" + trader.id())
              .replace("kp-certificate:CERTIFICATE", "kp-certificate:" + number)
              .replace("9521141.012345.", "9521141.012345." + suffix())
              .replace("9521141.0000000001", "9521141." + serial());
      JsonNode job = capture(who, body);
      assertThat(job.get("success").asBoolean()).as(file + ": " + job).isTrue();
      assertThat(job.get("findings")).as(file + ": " + job).isEmpty();
    }
  }

  private String suffix = "";
  private String serial = "";

  private String suffix() {
    if (suffix.isEmpty()) {
      suffix = "R" + UUID.randomUUID().toString().substring(0, 6);
    }
    return suffix;
  }

  private String serial() {
    if (serial.isEmpty()) {
      serial =
          String.format(
              java.util.Locale.ROOT,
              "%010d",
              Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
    }
    return serial;
  }

  // ---- each rule both ways ----

  @Test
  void cus03OnlyTheHolderShips() throws InterruptedException {
    String lot = lot();
    accepted(miner, document(commission(lot, "5", natural())));
    refused(local, document(observe(lot, "5", "shipping", "")), "CUS-03");
    refused(local, document(observe(lot, "5", "receiving", "")), "CUS-03");
    accepted(miner, document(observe(lot, "5", "shipping", to(local))));
    refused(trader, document(observe(lot, "5", "receiving", "")), "CUS-03");
    accepted(local, document(observe(lot, "5", "receiving", "")));
    refused(miner, document(observe(lot, "5", "shipping", "")), "CUS-03");
    accepted(local, document(observe(lot, "5", "shipping", "")));
  }

  @Test
  void proceedKeepsTheStateOfTheEventsStoredOnly() throws InterruptedException {
    String kept = lot();
    String other = lot();
    accepted(miner, document(commission(other, "5", natural())));
    accepted(miner, document(observe(other, "5", "shipping", to(local))));
    accepted(local, document(observe(other, "5", "receiving", "")));
    // The second event is refused (the miner no longer holds that lot); with proceed the first is
    // stored, and the state kept is the one the stored events leave, computed from the state read
    // before the document.
    Api.Answer a =
        miner
            .api()
            .exchange(
                "POST",
                "/epcis/capture",
                document(
                    commission(kept, "3", natural()), observe(other, "5", "shipping", to(trader))),
                "Content-Type",
                "application/ld+json",
                "GS1-Capture-Error-Behaviour",
                "proceed");
    assertThat(a.status()).as(a.body()).isEqualTo(202);
    String location = a.raw().headers().firstValue("Location").orElseThrow();
    JsonNode job = miner.api().get(location).json();
    for (int i = 0; i < 1000 && job.get("running").asBoolean(); i++) {
      Thread.sleep(20);
      job = miner.api().get(location).json();
    }
    assertThat(job.get("eventsStored").asInt()).as(job.toString()).isEqualTo(1);
    assertThat(rules(job, "errors")).as(job.toString()).contains("CUS-03");
    refused(local, document(observe(kept, "3", "shipping", "")), "CUS-03");
    accepted(miner, document(observe(kept, "3", "shipping", to(local))));
    accepted(local, document(observe(other, "5", "shipping", "")));
  }

  @Test
  void lgd01NatureOnCommissioning() throws InterruptedException {
    refused(miner, document(commission(lot(), "5", "")), "LGD-01");
    accepted(miner, document(commission(lot(), "5", labGrown())));
  }

  @Test
  void lgd02NeverMixed() throws InterruptedException {
    String a = lot();
    String b = lot();
    String c = lot();
    accepted(
        miner,
        document(
            commission(a, "5", natural()),
            commission(b, "5", labGrown()),
            commission(c, "5", natural())));
    refused(miner, document(aggregate(a, b)), "LGD-02");
    accepted(miner, document(aggregate(a, c)));
  }

  static String aggregate(String a, String b) {
    return """
        {"type": "AggregationEvent", "eventTime": "2025-03-02T09:00:00+02:00",
         "eventTimeZoneOffset": "+02:00", "parentID": "urn:epc:id:sscc:9521141.%s",
         "childEPCs": [], "action": "ADD",
         "childQuantityList": [{"epcClass": "%s", "quantity": 5, "uom": "CTM"},
                               {"epcClass": "%s", "quantity": 5, "uom": "CTM"}],
         "bizStep": "packing"}
        """
        .formatted(
            String.format(
                java.util.Locale.ROOT,
                "%010d",
                Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L)),
            a,
            b);
  }

  @Test
  void lgd03LabGrownNeverUnderAWarrantyNorACertificate() throws InterruptedException {
    String lab = lot();
    accepted(miner, document(commission(lab, "5", labGrown())));
    refused(
        miner,
        document(
            observe(
                lab,
                "5",
                "shipping",
                invoice("")
                    + warranty(REVISED)
                    + ", \"kimberlite:description\": \"laboratory-grown diamonds\"")),
        "LGD-03");
    String number = certificate(miner, trader, "5.00");
    refused(
        miner, document(observe(lab, "5", "shipping", invoice(kp(number)) + to(trader))), "LGD-03");
    accepted(
        miner,
        document(
            observe(
                lab,
                "5",
                "shipping",
                invoice("") + ", \"kimberlite:description\": \"laboratory-grown diamonds\"")));
  }

  @Test
  void lgd04Screening() throws InterruptedException {
    String lab = lot();
    String nat = lot();
    accepted(miner, document(commission(lab, "5", labGrown()), commission(nat, "5", natural())));
    String screened = ", \"kimberlite:screening\": {\"kimberlite:result\": \"%s\"}";
    refused(
        miner, document(observe(lab, "5", "inspecting", screened.formatted("natural"))), "LGD-04");
    JsonNode job =
        capture(
            miner,
            document(observe(nat, "5", "inspecting", screened.formatted("laboratory-grown"))));
    assertThat(job.get("success").asBoolean()).as(job.toString()).isTrue();
    assertThat(rules(job, "findings")).containsExactly("LGD-04");
    JsonNode findings = miner.api().get("/api/v1/custody/findings?size=10").json();
    assertThat(findings.get("findings").get(0).get("rule").asString()).isEqualTo("LGD-04");
    assertThat(trader.api().get("/api/v1/custody/findings").json().get("findings").toString())
        .doesNotContain("LGD-04");
    assertThat(miner.api().get("/api/v1/custody/findings?size=1000").status()).isEqualTo(400);
    // now laboratory-grown: never under a warranty
    refused(miner, document(observe(nat, "5", "shipping", warranty(REVISED))), "LGD-03");
  }

  @Test
  void sow01And02WarrantyOnNaturalInvoices() throws InterruptedException {
    String nat = lot();
    accepted(miner, document(commission(nat, "5", natural())));
    refused(miner, document(observe(nat, "5", "shipping", invoice(""))), "SOW-01");
    String original =
        "The diamonds herein invoiced have been purchased from legitimate sources not involved"
            + " in funding conflict and in compliance with United Nations resolutions. The seller"
            + " hereby guarantees that these diamonds are conflict free, based on personal"
            + " knowledge and/or written guarantees provided by the supplier of these diamonds.";
    assertThat(WarrantyStatements.classify(original))
        .isEqualTo(WarrantyStatements.Kind.ORIGINAL_2002);
    refused(
        miner, document(observe(nat, "5", "shipping", invoice("") + warranty(original))), "SOW-02");
    accepted(miner, document(observe(nat, "5", "shipping", invoice("") + warranty(REVISED))));
  }

  @Test
  void sow04NoWarrantyOnGoodsReceivedWithoutOne() throws InterruptedException {
    String bought = lot();
    String mined = lot();
    accepted(local, document(observe(bought, "5", "receiving", natural())));
    refused(
        local,
        document(observe(bought, "5", "shipping", invoice("") + warranty(REVISED))),
        "SOW-04");
    accepted(miner, document(commission(mined, "5", natural())));
    accepted(miner, document(observe(mined, "5", "shipping", invoice("") + warranty(REVISED))));
  }

  @Test
  void nomDescriptionsOnInvoices() throws InterruptedException {
    String lab = lot();
    accepted(miner, document(commission(lab, "5", labGrown())));
    String description = ", \"kimberlite:description\": \"%s\"";
    refused(
        miner,
        document(observe(lab, "5", "shipping", invoice("") + description.formatted("diamonds"))),
        "NOM-01");
    refused(
        miner,
        document(
            observe(
                lab,
                "5",
                "shipping",
                invoice("") + description.formatted("real laboratory-grown diamonds"))),
        "NOM-02");
    String treated = lot();
    accepted(
        miner, document(commission(treated, "5", natural() + ", \"kimberlite:treated\": true")));
    refused(
        miner,
        document(
            observe(
                treated, "5", "retail_selling", ", \"kimberlite:description\": \"diamond ring\"")),
        "NOM-03");
    accepted(
        miner,
        document(
            observe(
                treated,
                "5",
                "retail_selling",
                ", \"kimberlite:description\": \"treated diamond ring\"")));
  }

  @Test
  void cus04YieldOutsideTheBandIsFlagged() throws InterruptedException {
    String rough = lot();
    String polished = lot();
    accepted(miner, document(commission(rough, "10", natural())));
    JsonNode job = capture(miner, document(cut(rough, "10", polished, "9")));
    assertThat(job.get("success").asBoolean()).as(job.toString()).isTrue();
    assertThat(rules(job, "findings")).containsExactly("CUS-04");
    String rough2 = lot();
    accepted(miner, document(commission(rough2, "10", natural())));
    JsonNode fine = capture(miner, document(cut(rough2, "10", lot(), "4.5")));
    assertThat(fine.get("findings")).as(fine.toString()).isEmpty();
    // CUS-05: the polished goods carry the nature forward, so a laboratory-grown mix is refused
    String lab = lot();
    accepted(miner, document(commission(lab, "5", labGrown())));
    refused(miner, document(aggregate(polished, lab)), "LGD-02");
  }

  static String cut(String rough, String in, String polished, String out) {
    return """
        {"type": "TransformationEvent", "eventTime": "2025-04-10T09:00:00+02:00",
         "eventTimeZoneOffset": "+02:00",
         "inputQuantityList": [{"epcClass": "%s", "quantity": %s, "uom": "CTM"}],
         "outputQuantityList": [{"epcClass": "%s", "quantity": %s, "uom": "CTM"}],
         "kimberlite:goods": "polished"}
        """
        .formatted(rough, in, polished, out);
  }

  @Test
  void cus06CrossBorderRoughReferencesAMatchingCertificate() throws InterruptedException {
    String nat = lot();
    accepted(miner, document(commission(nat, "100", natural())));
    refused(miner, document(observe(nat, "100", "shipping", to(trader))), "CUS-06");
    refused(
        miner,
        document(observe(nat, "100", "shipping", to(trader) + invoice(kp("BW-NO-SUCH-1")))),
        "CUS-06");
    String wrong = certificate(miner, trader, "90.00");
    refused(
        miner,
        document(observe(nat, "100", "shipping", to(trader) + invoice(kp(wrong)))),
        "CUS-06");
    String right = certificate(miner, trader, "100.40");
    accepted(
        miner,
        document(
            observe(nat, "100", "shipping", to(trader) + invoice(kp(right)) + warranty(REVISED))));
    refused(trader, document(observe(nat, "100", "receiving", "")), "CUS-06");
    accepted(
        trader,
        document(
            observe(
                nat,
                "100",
                "receiving",
                ", \"bizTransactionList\": [" + kp(right).substring(2) + "]")));
    // within one country no certificate is needed
    String home = lot();
    accepted(miner, document(commission(home, "5", natural())));
    accepted(miner, document(observe(home, "5", "shipping", to(local))));
  }
}

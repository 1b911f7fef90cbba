package org.kimberlite.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kimberlite.custody.CustodyProfileContract.commission;
import static org.kimberlite.custody.CustodyProfileContract.cut;
import static org.kimberlite.custody.CustodyProfileContract.document;
import static org.kimberlite.custody.CustodyProfileContract.invoice;
import static org.kimberlite.custody.CustodyProfileContract.lot;
import static org.kimberlite.custody.CustodyProfileContract.natural;
import static org.kimberlite.custody.CustodyProfileContract.observe;
import static org.kimberlite.custody.CustodyProfileContract.to;
import static org.kimberlite.custody.CustodyProfileContract.warranty;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * The warranty reconciliation (SOW-05) and the seller's registration (SOW-03) on each database,
 * from real profile documents captured through EPCIS: a cutter that buys warranted rough, cuts it
 * and sells the polished balances; one that sells more carats than it bought is flagged with the
 * lot and its events listed; the CSV and PDF read back; strangers get 404.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
@Import(TestClock.Config.class)
abstract class ReconciliationContract {
  static final String YEAR = "from=2025-01-01&to=2025-12-31";

  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;
  @Autowired TestClock clock;
  @Autowired org.kimberlite.diligence.internal.DiligenceJobs jobs;

  Actor authority;
  Actor miner;
  Actor cutter;
  Actor buyer;
  Actor stranger;

  Api anonymous() {
    return new Api("http://127.0.0.1:" + port);
  }

  @BeforeEach
  void world() {
    Actors actors = new Actors(organisations, accounts, anonymous());
    authority = actors.create(OrganisationRole.KP_AUTHORITY, "BW");
    miner = actors.create(OrganisationRole.MINER, "BW");
    cutter = actors.create(OrganisationRole.MANUFACTURER, "BW");
    buyer = actors.create(OrganisationRole.TRADER, "BW");
    stranger = actors.create(OrganisationRole.TRADER, "BE");
    register(miner, "2099-12-31");
    register(cutter, "2099-12-31");
  }

  /** Sets the organisation's SoW registration through the registry's API (its administrator). */
  static void register(Actor who, String renewalDue) {
    Api.Answer a =
        who.api()
            .put(
                "/api/v1/organisations/" + who.id() + "/compliance",
                Map.of(
                    "version",
                    0,
                    "sow",
                    Map.of(
                        "id",
                        "SOW-" + who.id().toString().substring(0, 8),
                        "renewalDue",
                        renewalDue)));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
  }

  JsonNode capture(Actor who, String body) throws InterruptedException {
    Api.Answer a =
        who.api().exchange("POST", "/epcis/capture", body, "Content-Type", "application/ld+json");
    assertThat(a.status()).as(a.body()).isEqualTo(202);
    String location = a.raw().headers().firstValue("Location").orElseThrow();
    for (int i = 0; i < 1000; i++) {
      Api.Answer job = who.api().get(location);
      if (!job.json().get("running").asBoolean()) {
        assertThat(job.json().get("success").asBoolean()).as(job.body()).isTrue();
        return job.json();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("The capture job did not finish in 20 s");
  }

  static List<String> flagged(JsonNode job) {
    List<String> out = new ArrayList<>();
    job.get("findings").forEach(f -> out.add(f.get("rule").asString()));
    return out;
  }

  static String sale(Actor to, String usd) {
    return to(to)
        + invoice("")
        + warranty(CustodyProfileContract.REVISED)
        + ", \"kimberlite:invoiceUsd\": "
        + usd;
  }

  JsonNode report(Actor who, UUID organisation, String period) {
    Api.Answer a =
        who.api().get("/api/v1/reconciliation?organisation=" + organisation + "&" + period);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json();
  }

  /** The miner mines 10 ct and sells it to the cutter, which receives it. */
  String roughToTheCutter() throws InterruptedException {
    String rough = lot();
    capture(miner, document(commission(rough, "10", natural())));
    JsonNode sold =
        capture(miner, document(observe(rough, "10", "shipping", sale(cutter, "5000.00"))));
    assertThat(flagged(sold)).doesNotContain("SOW-03");
    capture(
        cutter, document(observe(rough, "10", "receiving", ", \"kimberlite:invoiceUsd\": 5000")));
    return rough;
  }

  @Test
  void buyCutAndSellBalances() throws Exception {
    String rough = roughToTheCutter();
    String polished = lot();
    capture(cutter, document(cut(rough, "10", polished, "4.5")));
    capture(
        cutter,
        document(
            observe(polished, "4.5", "shipping", sale(buyer, "9000.00"))
                .replace("2025-03-05", "2025-05-05")));

    JsonNode r = report(cutter, cutter.id(), YEAR);
    JsonNode c = r.get("carats");
    assertThat(c.get("openingStock").decimalValue()).isEqualByComparingTo("0");
    assertThat(c.get("bought").decimalValue()).isEqualByComparingTo("10");
    assertThat(c.get("boughtUsd").decimalValue()).isEqualByComparingTo("5000");
    assertThat(c.get("sold").decimalValue()).isEqualByComparingTo("4.5");
    assertThat(c.get("soldUsd").decimalValue()).isEqualByComparingTo("9000");
    assertThat(c.get("manufacturingLoss").decimalValue()).isEqualByComparingTo("5.5");
    assertThat(c.get("closingStock").decimalValue()).isEqualByComparingTo("0");
    assertThat(r.get("balanced").asBoolean()).as(r.toString()).isTrue();
    assertThat(r.get("findings")).isEmpty();
    assertThat(r.get("differences")).isEmpty();

    // the miner over a period that starts after the mining: opening stock, sold, balanced
    JsonNode m = report(miner, miner.id(), "from=2025-03-02&to=2025-03-31");
    assertThat(m.get("carats").get("openingStock").decimalValue()).isEqualByComparingTo("10");
    assertThat(m.get("carats").get("sold").decimalValue()).isEqualByComparingTo("10");
    assertThat(m.get("balanced").asBoolean()).as(m.toString()).isTrue();
    // ...and before the sale: all of it in closing stock
    JsonNode before = report(miner, miner.id(), "from=2025-03-01&to=2025-03-01");
    assertThat(before.get("carats").get("closingStock").decimalValue()).isEqualByComparingTo("10");
    assertThat(before.get("balanced").asBoolean()).isTrue();

    // the participant's authority may read it; the console page shows it
    assertThat(report(authority, cutter.id(), YEAR).get("balanced").asBoolean()).isTrue();
    Api.Answer page = cutter.api().getPage("/console/reconciliation?from=2025-01-01&to=2025-12-31");
    assertThat(page.status()).isIn(200, 302);
  }

  @Test
  void sellingMoreThanWasBoughtIsListedAndFlagged() throws Exception {
    String rough = roughToTheCutter();
    // the cutter invoices 12 ct with a warranty for the 10 ct lot it received
    capture(
        cutter,
        document(
            observe(rough, "12", "shipping", sale(buyer, "7000.00"))
                .replace("2025-03-05", "2025-06-01")));
    JsonNode r = report(cutter, cutter.id(), YEAR);
    assertThat(r.get("balanced").asBoolean()).isFalse();
    assertThat(r.get("shortfall").decimalValue()).isEqualByComparingTo("2");
    assertThat(r.get("findings").get(0).get("rule").asString()).isEqualTo("SOW-05");
    JsonNode d = r.get("differences").get(0);
    assertThat(d.get("kind").asString()).isEqualTo("lot");
    assertThat(d.get("shortfall").decimalValue()).isEqualByComparingTo("2");
    List<String> movements = new ArrayList<>();
    d.get("events").forEach(e -> movements.add(e.get("movement").asString()));
    assertThat(movements).containsExactly("received", "shipped");

    // CSV, by Accept and by format
    String csv =
        text(cutter, "/api/v1/reconciliation?organisation=" + cutter.id() + "&" + YEAR, "text/csv");
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))
            .getRecords();
    assertThat(
            rows.stream()
                .filter(x -> x.get("item").equals("bought"))
                .findFirst()
                .orElseThrow()
                .get("carats"))
        .isEqualTo("10.00");
    assertThat(
            rows.stream()
                .filter(x -> x.get("item").equals("difference-lot"))
                .findFirst()
                .orElseThrow()
                .get("carats"))
        .isEqualTo("-2.00");
    assertThat(rows.stream().anyMatch(x -> x.get("item").equals("finding"))).isTrue();
    assertThat(
            text(
                cutter,
                "/api/v1/reconciliation?format=csv&organisation=" + cutter.id() + "&" + YEAR,
                "*/*"))
        .isEqualTo(csv);

    // PDF, its text extracted
    byte[] pdf =
        bytes(
            cutter,
            "/api/v1/reconciliation?format=pdf&organisation=" + cutter.id() + "&" + YEAR,
            "*/*");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains("Warranty reconciliation")
          .contains("SOW-05: flagged")
          .contains("shortfall 2.00");
    }
    // the console's CSV and PDF links
    Api.Answer consoleCsv =
        cutter.api().getPage("/console/reconciliation?format=csv&from=2025-01-01&to=2025-12-31");
    assertThat(consoleCsv.status()).isIn(200, 302);
  }

  /**
   * SOW-05 through due diligence: once a quarter has closed (and its grace passed), a quarter whose
   * warranted goods fall short raises one finding of the organisation, with the reconciliation and
   * the lot's events as evidence; the quarter before it, and the miner's, balance and raise none.
   */
  @Test
  void sow05FindingForAQuarterThatFallsShortOnceItHasClosed() throws Exception {
    String rough = roughToTheCutter(); // Q1 2025: mined, sold to and received by the cutter
    capture(
        cutter,
        document(
            observe(rough, "12", "shipping", sale(buyer, "7000.00"))
                .replace("2025-03-05", "2025-06-01"))); // Q2 2025: 12 ct out of a 10 ct lot
    java.time.Instant q2Graced = java.time.Instant.parse("2025-07-14T12:00:00Z");
    try {
      // 14 days after the quarter's last day: not yet judged.
      clock.advance(java.time.Duration.between(clock.instant(), q2Graced));
      jobs.reconciliations();
      assertThat(sow05(cutter)).isEmpty();
      // the next day it is, once; a second run raises nothing new
      clock.advance(java.time.Duration.ofDays(1));
      assertThat(jobs.reconciliations()).isPositive();
      assertThat(jobs.reconciliations()).isZero();
    } finally {
      clock.reset();
    }
    List<JsonNode> found = sow05(cutter);
    assertThat(found).hasSize(1);
    JsonNode f = found.get(0);
    assertThat(f.get("summary").asString()).contains("2025-Q2").contains("2.00 ct more out");
    assertThat(f.get("evidence").toString())
        .contains(
            "/api/v1/reconciliation?organisation=" + cutter.id() + "&from=2025-04-01&to=2025-06-30")
        .contains("/epcis/events/");
    assertThat(f.get("organisations").toString()).contains(cutter.id().toString());
    // the twins: the miner balanced in both quarters, the cutter balanced in Q1
    assertThat(sow05(miner)).isEmpty();
    assertThat(f.get("summary").asString()).doesNotContain("2025-Q1");
    // the participant's authority sees it
    assertThat(
            authority.api().get("/api/v1/findings?rule=SOW-05&organisation=" + cutter.id()).body())
        .contains(f.get("id").asString());
  }

  List<JsonNode> sow05(Actor who) {
    Api.Answer a = who.api().get("/api/v1/findings?rule=SOW-05&organisation=" + who.id());
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    a.json().get("findings").forEach(out::add);
    return out;
  }

  @Test
  void strangersAndUnknownOrganisationsAreAnsweredAlike() {
    Api.Answer stranger404 =
        stranger.api().get("/api/v1/reconciliation?organisation=" + cutter.id() + "&" + YEAR);
    Api.Answer unknown404 =
        stranger.api().get("/api/v1/reconciliation?organisation=" + UUID.randomUUID() + "&" + YEAR);
    assertThat(stranger404.status()).isEqualTo(404);
    assertThat(unknown404.status()).isEqualTo(404);
    assertThat(stranger404.body()).isEqualTo(unknown404.body());
    assertThat(stranger404.body()).doesNotContain(cutter.id().toString());
    // another participant's authority sees nothing either
    assertThat(
            stranger
                .api()
                .get("/api/v1/reconciliation?organisation=" + authority.id() + "&" + YEAR)
                .status())
        .isEqualTo(404);
    // bounded, validated periods
    for (String bad :
        List.of(
            "from=2025-01-01&to=2030-01-01",
            "from=2025-02-01&to=2025-01-01",
            "from=2025-02-30&to=2025-03-01",
            "from=1999-12-31&to=2000-01-01",
            "to=2025-01-01")) {
      assertThat(
              cutter
                  .api()
                  .get("/api/v1/reconciliation?organisation=" + cutter.id() + "&" + bad)
                  .status())
          .as(bad)
          .isEqualTo(400);
    }
    assertThat(cutter.api().get("/api/v1/reconciliation?organisation=x&" + YEAR).status())
        .isEqualTo(400);
    assertThat(
            cutter
                .api()
                .get(
                    "/api/v1/reconciliation?organisation="
                        + cutter.id()
                        + "&from=2025-01-01&to=2029-12-31")
                .status())
        .isEqualTo(200);
  }

  @Test
  void sow03FlagsASellerWithoutACurrentRegistration() throws Exception {
    String rough = lot();
    capture(miner, document(commission(rough, "10", natural())));
    JsonNode fine = capture(miner, document(observe(rough, "10", "shipping", sale(cutter, "1"))));
    assertThat(flagged(fine)).doesNotContain("SOW-03");
    capture(cutter, document(observe(rough, "10", "receiving", "")));
    // no registration on record
    String other = lot();
    capture(buyer, document(commission(other, "3", natural())));
    JsonNode none = capture(buyer, document(observe(other, "3", "shipping", sale(cutter, "1"))));
    assertThat(flagged(none)).containsExactly("SOW-03");
    // a shipment without a warranty is no seller's warranty
    String plain = lot();
    capture(buyer, document(commission(plain, "3", natural())));
    assertThat(flagged(capture(buyer, document(observe(plain, "3", "shipping", to(cutter))))))
        .doesNotContain("SOW-03");
    // lapsed before the invoice's date (2025-03-05)
    Actor lapsed =
        new Actors(organisations, accounts, anonymous()).create(OrganisationRole.TRADER, "BW");
    register(lapsed, "2025-03-04");
    String late = lot();
    capture(lapsed, document(commission(late, "3", natural())));
    JsonNode job = capture(lapsed, document(observe(late, "3", "shipping", sale(cutter, "1"))));
    assertThat(flagged(job)).containsExactly("SOW-03");
    JsonNode kept = lapsed.api().get("/api/v1/custody/findings").json().get("findings");
    assertThat(kept.get(0).get("rule").asString()).isEqualTo("SOW-03");
    assertThat(kept.get(0).get("message").asString()).contains("2025-03-04");
  }

  String text(Actor who, String path, String accept) throws Exception {
    return new String(bytes(who, path, accept), java.nio.charset.StandardCharsets.UTF_8);
  }

  byte[] bytes(Actor who, String path, String accept) throws Exception {
    String token =
        anonymous()
            .post(
                "/api/v1/auth/token",
                Map.of("username", who.username(), "password", who.password(), "label", "r"))
            .json()
            .get("token")
            .asString();
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", accept)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }
}

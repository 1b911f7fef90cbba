package org.kimberlite.valuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.DemoAccount;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.registry.Signatures;
import org.kimberlite.registry.Verified;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.statistics.PublishedFigures;
import org.kimberlite.support.Actors;
import org.kimberlite.support.Actors.Actor;
import org.kimberlite.support.Api;
import org.kimberlite.valuation.demo.ValuationDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The valuation API on each database: price books uploaded, versioned, signed and read back byte
 * for byte; a bad upload stores nothing; VAL-01 valuations reproducible to the byte; VAL-02 / KP-11
 * bands and checks from the published KP figures; roles refused.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data"})
abstract class ValuationContract {
  static final Path KP_STATS =
      Path.of("src/main/resources/statistics/kp_production_by_country.csv");

  static final String CSV =
      "# Illustrative test prices, invented — ×, é and CRLF kept as sent\r\n"
          + "size,model,quality,colour,usd_per_carat\r\n"
          + "+11-11.5,STONES,Q1,WHITE,310.00\r\n"
          + "2-4CT,SHAPES,Q2,CAPE,620.00\r\n"
          + "SAND,CHIPS,Q4,MIXED,0.05\r\n";

  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;
  @Autowired PublishedFigures published;
  @Autowired Signatures signatures;
  @Autowired PriceBooks priceBooks;
  @Autowired ValuationDemo demo;
  @Autowired org.kimberlite.ledger.TransparencyLog log;
  @Autowired org.kimberlite.ledger.Audit audit;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  Actor botswana;
  Actor belgium;
  Actor trader;

  Api anonymous() {
    return new Api("http://127.0.0.1:" + port);
  }

  Actor actor(OrganisationRole role, String country) {
    return new Actors(organisations, accounts, anonymous()).create(role, country);
  }

  @BeforeEach
  void world() throws Exception {
    botswana = actor(OrganisationRole.KP_AUTHORITY, "BW");
    belgium = actor(OrganisationRole.KP_AUTHORITY, "BE");
    trader = actor(OrganisationRole.TRADER, "BW");
    published.importProductionCsv(Files.readAllLines(KP_STATS), null);
  }

  static String fresh() {
    return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
  }

  static String upload(String name, String from, String to) {
    return "/api/v1/valuation/price-books?name=" + name + "&validFrom=" + from + "&validTo=" + to;
  }

  Api.Answer put(Actor who, String name, String from, String to, String csv) {
    return who.api().postRaw(upload(name, from, to), "text/csv", csv);
  }

  int versions() {
    return botswana.api().get("/api/v1/valuation/price-books").json().size();
  }

  @Test
  void anUploadIsSignedVersionedAndReadBackByteForByte() {
    String name = fresh();
    Api.Answer first = put(botswana, name, "2026-01-01", "2026-12-31", CSV);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    JsonNode v1 = first.json();
    assertThat(v1.get("version").asInt()).isEqualTo(1);
    assertThat(v1.get("rows").asInt()).isEqualTo(3);
    assertThat(v1.get("participant").asString()).isEqualTo("BW");
    assertThat(v1.get("signatureVerifies").asBoolean()).isTrue();
    assertThat(first.raw().headers().firstValue("Location").orElse(""))
        .endsWith("/price-books/" + name + "/versions/1");

    // The signature verifies with the authority's key and covers the canonical record.
    Verified verified = signatures.verify(v1.get("signature").asString());
    assertThat(verified.kid()).isEqualTo(v1.get("kid").asString());
    assertThat(verified.type()).isEqualTo(PriceBooks.SIGNATURE_TYPE);
    PriceBook stored = priceBooks.find(PriceBookName.of(name), 1).orElseThrow();
    assertThat(verified.payload()).isEqualTo(PriceBooks.canonical(stored));
    assertThat(new String(verified.payload(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"csvSha256\":\"" + v1.get("csvSha256").asString() + "\"");

    // An overlapping period makes version 2; version 1 stays readable, byte for byte.
    String changed = CSV.replace("310.00", "330.00");
    Api.Answer second = put(botswana, name, "2026-07-01", "2026-12-31", changed);
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    assertThat(second.json().get("version").asInt()).isEqualTo(2);
    Api.Answer csv1 =
        botswana.api().get("/api/v1/valuation/price-books/" + name + "/versions/1/csv");
    assertThat(csv1.status()).isEqualTo(200);
    assertThat(csv1.contentType()).startsWith("text/csv");
    assertThat(csv1.body()).isEqualTo(CSV);
    assertThat(
            botswana.api().get("/api/v1/valuation/price-books/" + name + "/versions/2/csv").body())
        .isEqualTo(changed);
    assertThat(
            trader
                .api()
                .get("/api/v1/valuation/price-books/" + name + "/versions/1")
                .json()
                .get("validTo")
                .asString())
        .isEqualTo("2026-12-31");
    assertThat(botswana.api().get("/api/v1/valuation/price-books/" + name + "/versions/3").status())
        .isEqualTo(404);

    // Valued on a day both versions cover, the later upload prices; before July, version 1.
    assertThat(price(name, "2026-08-01")).isEqualTo("330.00 v2");
    assertThat(price(name, "2026-06-30")).isEqualTo("310.00 v1");
  }

  /**
   * Each version is committed to the transparency log, publicly, in the upload's transaction; the
   * audit recomputes the record from the table, so a price book's digest or dates changed behind
   * the platform's back are found.
   */
  @Test
  void anUploadIsCommittedToTheLogAndTheAuditFindsAnEditedVersion() throws Exception {
    String name = fresh();
    Api.Answer up = put(botswana, name, "2026-01-01", "2026-12-31", CSV);
    assertThat(up.status()).as(up.body()).isEqualTo(201);
    Api.Answer entries =
        new Api("http://127.0.0.1:" + port)
            .get("/api/v1/log/records/valuation.price-book/" + name + ":1/entries");
    assertThat(entries.status()).as(entries.body()).isEqualTo(200);
    JsonNode entry = entries.json().get(0);
    assertThat(entry.toString())
        .contains(up.json().get("csvSha256").asString())
        .contains(up.json().get("signature").asString());
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
    while (log.pending() > 0 && java.time.Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    String where = "valuation.price-book " + name + ":1";
    assertThat(audit.run().findings()).filteredOn(f -> f.where().equals(where)).isEmpty();

    jdbc.sql("update valuation_price_book set valid_from = :d where name = :name and version = 1")
        .param("d", java.time.LocalDate.of(2025, 1, 1))
        .param("name", name)
        .update();
    assertThat(audit.run().findings())
        .anySatisfy(
            f -> {
              assertThat(f.kind()).isEqualTo("record-changed");
              assertThat(f.where()).isEqualTo(where);
            });
    // put it back: other tests audit the same database
    jdbc.sql("update valuation_price_book set valid_from = :d where name = :name and version = 1")
        .param("d", java.time.LocalDate.of(2026, 1, 1))
        .param("name", name)
        .update();
    assertThat(audit.run().findings()).filteredOn(f -> f.where().equals(where)).isEmpty();
  }

  String price(String book, String on) {
    JsonNode v =
        trader
            .api()
            .post(
                "/api/v1/valuation/valuations",
                Map.of(
                    "on", on,
                    "book", book,
                    "lines",
                        List.of(
                            Map.of("assortment", "+11-11.5/STONES/Q1/WHITE", "carats", "1.00"))))
            .json();
    JsonNode line = v.get("lines").get(0);
    return line.get("usdPerCarat").asString() + " v" + line.get("version").asInt();
  }

  @Test
  void aBadUploadNamesItsRowsAndColumnsAndStoresNothing() {
    int before = versions();
    String name = fresh();
    Api.Answer bad =
        put(
            botswana,
            name,
            "2026-01-01",
            "2026-12-31",
            "size,model,quality,colour,usd_per_carat\n"
                + "+11-11.5,STONES,Q1,WHITE,310.00\n"
                + "+11-11.5,PEBBLES,Q1,WHITE,12.345\n");
    assertThat(bad.status()).as(bad.body()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(bad.body())
        .contains("row 3, column model", "row 3, column usd_per_carat")
        .doesNotContain("org.kimberlite", "Exception");
    Api.Answer period = put(botswana, name, "2026-12-31", "2026-01-01", CSV);
    assertThat(period.status()).isEqualTo(400);
    assertThat(period.body()).contains("validTo");
    assertThat(put(botswana, "lower-case", "2026-01-01", "2026-12-31", CSV).status())
        .isEqualTo(422);
    assertThat(versions()).isEqualTo(before);
    assertThat(botswana.api().get("/api/v1/valuation/price-books/" + name + "/versions/1").status())
        .isEqualTo(404);
  }

  @Test
  void onlyAKpAuthorityUploadsAndOnlyToItsOwnBooks() {
    String name = fresh();
    assertThat(put(trader, name, "2026-01-01", "2026-12-31", CSV).status()).isEqualTo(403);
    assertThat(
            anonymous().postRaw(upload(name, "2026-01-01", "2026-12-31"), "text/csv", CSV).status())
        .isEqualTo(401);
    assertThat(put(botswana, name, "2026-01-01", "2026-12-31", CSV).status()).isEqualTo(201);
    Api.Answer taken = put(belgium, name, "2026-01-01", "2026-12-31", CSV);
    assertThat(taken.status()).isEqualTo(409);
    assertThat(anonymous().get("/api/v1/valuation/price-books").status()).isEqualTo(401);
  }

  @Test
  void aValuationIsReproducibleToTheByteAndListsWhatNoBookCovers() {
    String name = fresh();
    assertThat(put(botswana, name, "2025-01-01", "2025-12-31", CSV).status()).isEqualTo(201);
    Map<String, Object> request =
        Map.of(
            "on",
            "2025-05-01",
            "book",
            name,
            "lines",
            List.of(
                Map.of("assortment", "+11-11.5/STONES/Q1/WHITE", "carats", "0.33"),
                Map.of("assortment", "SAND/CHIPS/Q4/MIXED", "carats", "12.35"),
                Map.of("assortment", "+7-9/FLATS/Q3/BROWN", "carats", "4.00")));
    Api.Answer a = trader.api().post("/api/v1/valuation/valuations", request);
    Api.Answer b = trader.api().post("/api/v1/valuation/valuations", request);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(b.body()).isEqualTo(a.body());
    JsonNode v = a.json();
    assertThat(v.get("referenceValueUsd").asString()).isEqualTo("102.92"); // 102.30 + 0.62
    assertThat(v.get("lines").get(0).get("book").asString()).isEqualTo(name);
    assertThat(v.get("uncovered").get(0).get("class").asString()).isEqualTo("+7-9/FLATS/Q3/BROWN");
    assertThat(v.get("uncoveredCarats").asString()).isEqualTo("4.00");
    assertThat(v.get("complete").asBoolean()).isFalse();
    Api.Answer bad =
        trader
            .api()
            .post(
                "/api/v1/valuation/valuations",
                Map.of(
                    "on",
                    "2025-05-01",
                    "lines",
                    List.of(Map.of("assortment", "X", "carats", "1"))));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body()).contains("lines[0].assortment");
  }

  JsonNode band(String query) {
    Api.Answer a = trader.api().get("/api/v1/valuation/bands?" + query);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json();
  }

  @Test
  void bandsComeFromTrailingKpFiguresAndExplainThemselves() {
    JsonNode drc = band("origin=CD&flow=producer&on=2023-06-01");
    assertThat(drc.get("found").asBoolean()).isTrue();
    // DRC production 2016 and 2022 as published: USD 324 m for 33,987,000 carats.
    assertThat(drc.get("centreUsdPerCarat").asString()).isEqualTo("9.53");
    assertThat(drc.get("lowUsdPerCarat").asString()).isEqualTo("3.18");
    assertThat(drc.get("highUsdPerCarat").asString()).isEqualTo("28.59");
    assertThat(drc.get("explanation").asString()).contains("2016 and 2022", "production of CD");
    assertThat(drc.get("basis").size()).isEqualTo(2);
    JsonNode bw = band("origin=BW&flow=producer&on=2023-06-01");
    assertThat(bw.get("centreUsdPerCarat").asString()).isEqualTo("162.50");
    JsonNode none = band("origin=BW&flow=producer&on=2000-06-01");
    assertThat(none.get("found").asBoolean()).isFalse();
    assertThat(none.get("reason").asString()).contains("1992 to 1999");
    JsonNode mixed = band("origin=mixed&flow=trading&exporter=AE&on=2023-06-01");
    assertThat(mixed.get("found").asBoolean()).isTrue();
    assertThat(mixed.get("participant").asString()).isEqualTo("WORLD");
    assertThat(
            trader
                .api()
                .get("/api/v1/valuation/bands?origin=BW&flow=sideways&on=2023-06-01")
                .status())
        .isEqualTo(422);
    assertThat(
            anonymous()
                .get("/api/v1/valuation/bands?origin=BW&flow=producer&on=2023-06-01")
                .status())
        .isEqualTo(401);
  }

  Api.Answer check(String origin, String exporter, String carats, String usd) {
    return trader
        .api()
        .post(
            "/api/v1/valuation/checks",
            Map.of(
                "origins",
                List.of(origin),
                "exporter",
                exporter,
                "on",
                "2023-06-01",
                "lines",
                List.of(Map.of("hsCode", "7102.31", "carats", carats, "valueUsd", usd))));
  }

  @Test
  void implausibleValuesAreOutsideAndNormalOnesWithin() {
    assertThat(check("CD", "CD", "1000.00", "150000.00").json().get("verdict").asString())
        .isEqualTo("outside");
    assertThat(check("CD", "CD", "1000.00", "10000.00").json().get("verdict").asString())
        .isEqualTo("within");
    assertThat(check("BW", "BW", "1000.00", "8000.00").json().get("verdict").asString())
        .isEqualTo("outside");
    JsonNode normal = check("BW", "BW", "1000.00", "162500.00").json();
    assertThat(normal.get("verdict").asString()).isEqualTo("within");
    assertThat(normal.get("lines").get(0).get("explanation").asString())
        .contains("declared USD 162.50/ct is within the band USD 54.17 to 487.50/ct");
    // both ends of the DRC band belong to it; a cent beyond does not
    assertThat(check("CD", "CD", "100.00", "318.00").json().get("verdict").asString())
        .isEqualTo("within");
    assertThat(check("CD", "CD", "100.00", "317.00").json().get("verdict").asString())
        .isEqualTo("outside");
    assertThat(check("CD", "CD", "100.00", "2859.00").json().get("verdict").asString())
        .isEqualTo("within");
    assertThat(check("CD", "CD", "100.00", "2860.00").json().get("verdict").asString())
        .isEqualTo("outside");
  }

  @Test
  void theServiceChecksABreakdownAgainstThePriceBooksToo() {
    String name = fresh();
    assertThat(put(botswana, name, "2023-01-01", "2023-12-31", CSV).status()).isEqualTo(201);
    Api.Answer a =
        trader
            .api()
            .post(
                "/api/v1/valuation/checks",
                Map.of(
                    "origins",
                    List.of("BW"),
                    "exporter",
                    "BW",
                    "on",
                    "2023-06-01",
                    "lines",
                    List.of(
                        Map.of(
                            "hsCode", "7102.31",
                            "carats", "10.00",
                            // reference 10 ct × 620 = 6,200; declared 18,601 > 18,600
                            "valueUsd", "18601.00",
                            "assortment",
                                List.of(
                                    Map.of(
                                        "assortment",
                                        "2-4CT/SHAPES/Q2/CAPE",
                                        "carats",
                                        "10.00"))))));
    JsonNode v = a.json();
    assertThat(v.get("verdict").asString()).as(a.body()).isEqualTo("outside");
    JsonNode book = v.get("lines").get(0).get("book");
    assertThat(book.get("referenceValueUsd").asString()).isEqualTo("6200.00");
    assertThat(book.get("highUsd").asString()).isEqualTo("18600.00");
    assertThat(book.get("within").asBoolean()).isFalse();
  }

  @Test
  void theDemoBookIsValidAndMarkedIllustrative() throws Exception {
    DemoAccount account =
        new DemoAccount(
            botswana.id(),
            "Botswana authority",
            CountryCode.of("BW"),
            ParticipantCode.of("BW"),
            OrganisationRole.KP_AUTHORITY,
            botswana.username(),
            botswana.password());
    assertThat(demo.create(List.of(account))).get().isInstanceOf(UploadOutcome.Stored.class);
    assertThat(Files.readString(Path.of("src/main/resources/valuation/demo-price-book.csv")))
        .contains("ILLUSTRATIVE");
  }

  /** A browser signed in as {@code who}. */
  java.net.http.HttpClient browser(Actor who) throws Exception {
    java.net.http.HttpClient client =
        java.net.http.HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager())
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .build();
    String login = page(client, "/login", "en");
    java.util.regex.Matcher csrf =
        java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
    assertThat(csrf.find()).isTrue();
    java.net.http.HttpResponse<String> signedIn =
        client.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "username="
                            + who.username()
                            + "&password="
                            + java.net.URLEncoder.encode(
                                who.password(), java.nio.charset.StandardCharsets.UTF_8)
                            + "&_csrf="
                            + java.net.URLEncoder.encode(
                                csrf.group(1), java.nio.charset.StandardCharsets.UTF_8)))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    return client;
  }

  String page(java.net.http.HttpClient client, String path, String language) throws Exception {
    java.net.http.HttpResponse<String> r =
        client.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html")
                .header("Accept-Language", language)
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  @Test
  void theValuationScreenShowsTheBreakdownAndTheVerdictInEnglishAndFrench() throws Exception {
    String name = fresh();
    assertThat(put(botswana, name, "2023-01-01", "2023-12-31", CSV).status()).isEqualTo(201);
    java.net.http.HttpClient client = browser(trader);
    String query =
        "/console/valuation?on=2023-06-01&assortment=%2B11-11.5%2FSTONES%2FQ1%2FWHITE&carats=2.00"
            + "&assortment=%2B7-9%2FFLATS%2FQ3%2FBROWN&carats=1.00"
            + "&declared=150000.00&origin=CD&exporter=CD";
    String en = page(client, query, "en");
    assertThat(en)
        .contains("Reference value", "620.00", name + " v", "+7-9/FLATS/Q3/BROWN")
        .contains("Outside the band: flagged", "declared USD 50000.00/ct is outside");
    String fr = page(client, query, "fr");
    assertThat(fr).contains("Valeur de référence", "Hors de la fourchette");
    String books = page(client, "/console/valuation/price-books", "en");
    assertThat(books).contains(name, "Verifies (key");
    String csv = page(client, "/console/valuation/price-books/" + name + "/versions/1/csv", "en");
    assertThat(csv).isEqualTo(CSV);
    String band =
        page(client, "/console/valuation/bands?origin=CD&flow=producer&on=2023-06-01", "en");
    assertThat(band).contains("\"centreUsdPerCarat\":\"9.53\"");
    String bad = page(client, "/console/valuation?assortment=nonsense&carats=1", "en");
    assertThat(bad).contains("lines[0].assortment");
  }
}

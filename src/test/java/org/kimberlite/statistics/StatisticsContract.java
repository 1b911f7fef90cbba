package org.kimberlite.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.support.Actors;
import org.kimberlite.support.Actors.Actor;
import org.kimberlite.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Production reports, published figures and trade from the certificates, on each database. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
abstract class StatisticsContract {
  // The published KP figures bundled with the application (src/main/resources/statistics, with
  // sources).
  static final Path KP_STATS =
      Path.of("src/main/resources/statistics/kp_production_by_country.csv");
  static final int YEAR = today().getYear();

  /** Today as the application sees it (its clock is UTC), whatever the JVM's time zone. */
  static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;
  @Autowired PublishedFigures published;
  @Autowired org.kimberlite.certification.TradeFigures tradeFigures;
  @Autowired org.kimberlite.certification.internal.TradeAggregates aggregates;

  Actor botswana;
  Actor belgium;
  Actor exporter;
  Actor importer;

  Api anonymous() {
    return new Api("http://127.0.0.1:" + port);
  }

  Actor actor(OrganisationRole role, String country) {
    return new Actors(organisations, accounts, anonymous()).create(role, country);
  }

  @BeforeEach
  void world() {
    botswana = actor(OrganisationRole.KP_AUTHORITY, "BW");
    belgium = actor(OrganisationRole.KP_AUTHORITY, "BE");
    exporter = actor(OrganisationRole.TRADER, "BW");
    importer = actor(OrganisationRole.TRADER, "BE");
  }

  static JsonNode line(JsonNode section, String participant) {
    for (JsonNode l : section.get("byParticipant")) {
      if (l.get("participant").asString().equals(participant)) {
        return l;
      }
    }
    return null;
  }

  static BigDecimal carats(JsonNode section, String participant) {
    JsonNode l = line(section, participant);
    return l == null ? BigDecimal.ZERO : new BigDecimal(l.get("carats").asString());
  }

  @Test
  void aPublishedYearReproducesItsWorldTotalAndEachUsdPerCarat() throws Exception {
    assertThat(KP_STATS).exists();
    List<PublishedFigures.Imported> imported =
        published.importProductionCsv(Files.readAllLines(KP_STATS), null);
    assertThat(imported).anyMatch(i -> i.year() == 2022);
    JsonNode y2022 = anonymous().get("/api/v1/statistics/summary?year=2022").json();
    JsonNode production = y2022.get("production");
    // 2022 as published (ndc2022): 121,471,000 carats worth USD 16,285,000,000 in the world.
    JsonNode publishedTotal = production.get("published");
    assertThat(publishedTotal.get("carats").asString()).isEqualTo("121471000.00");
    assertThat(publishedTotal.get("valueUsd").asString()).isEqualTo("16285000000.00");
    assertThat(publishedTotal.get("usdPerCarat").asString()).isEqualTo("134.06");
    // The rows, published in thousands of carats and millions of dollars, add up to the value
    // exactly and to the carats within their rounding (12 rows, at most 500 carats each).
    assertThat(production.get("valueUsd").asString()).isEqualTo("16285000000.00");
    assertThat(new BigDecimal(production.get("carats").asString()))
        .isCloseTo(
            new BigDecimal("121471000.00"),
            org.assertj.core.data.Offset.offset(new BigDecimal("6000")));
    assertThat(production.get("byParticipant").toString()).doesNotContain("TOTAL");
    Map<String, String> usdPerCarat = new HashMap<>();
    for (JsonNode l : production.get("byParticipant")) {
      usdPerCarat.put(l.get("participant").asString(), l.get("usdPerCarat").asString());
    }
    // Each is value / carats of the published row, half-even to cents.
    assertThat(usdPerCarat)
        .containsEntry("BW", "191.76")
        .containsEntry("RU", "84.77")
        .containsEntry("AO", "224.24")
        .containsEntry("CA", "115.58")
        .containsEntry("ZA", "159.32")
        .containsEntry("NA", "600.78")
        .containsEntry("CD", "7.14")
        .containsEntry("Others", "140.11");
    assertThat(line(production, "RU").get("share").asString()).isEqualTo("34.51");
    assertThat(line(production, "BW").get("share").asString()).isEqualTo("20.18");
    // Importing the same file again changes nothing.
    assertThat(published.importProductionCsv(Files.readAllLines(KP_STATS), null))
        .allMatch(i -> i.rows() == 0);
    String csv = anonymous().get("/api/v1/statistics/summary.csv?year=2022").body();
    assertThat(csv).contains("2022,production,BW,Botswana,24510000.00,4700000000.00,191.76,20.18");
    assertThat(csv)
        .contains("2022,production,WORLD,World,121470000.00,16285000000.00,134.07,100.00")
        .contains(
            "2022,production,TOTAL,Published world total,121471000.00,16285000000.00,134.06,");
  }

  @Test
  void theSecretariatSeesMirrorAnomalyAndMissingSubmissionFindings() {
    Actor secretariat = actor(OrganisationRole.KP_SECRETARIAT, "BW");
    Map<String, Object> body = new HashMap<>();
    body.put("exporter", exporter.id().toString());
    body.put("importer", importer.id().toString());
    body.put("importingParticipant", "EU");
    body.put("origin", Map.of("kind", "single", "countries", List.of("BW")));
    body.put(
        "lines",
        List.of(Map.of("hsCode", "7102.31", "carats", "5000.00", "valueUsd", "950000.00")));
    body.put("parcels", 1);
    body.put("sealId", "SEAL-MIRROR");
    body.put("issuedOn", today().toString());
    body.put("expiresOn", today().plusDays(30).toString());
    assertThat(botswana.api().post("/api/v1/certificates", body).status()).isEqualTo(201);

    Api.Answer answer = secretariat.api().get("/api/v1/statistics/checks?year=" + YEAR);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode findings = answer.json();
    boolean mirror = false;
    boolean missing = false;
    for (JsonNode f : findings) {
      if (f.get("rule").asString().equals("STAT-02")
          && f.get("participant").asString().equals("BW")) {
        mirror = true; // exported to the EU, not (yet) confirmed as imported
      }
      if (f.get("rule").asString().equals("STAT-04")
          && f.get("participant").asString().equals("AO")) {
        missing = true; // Angola reported no production this year
      }
    }
    assertThat(mirror).as(findings.toString()).isTrue();
    if (today().getMonthValue() > 6) {
      assertThat(missing).as(findings.toString()).isTrue();
    }
    assertThat(exporter.api().get("/api/v1/statistics/checks?year=" + YEAR).status())
        .isEqualTo(403);
  }

  @Test
  void concurrentIssuesOnANewLaneAreAllCounted() throws Exception {
    Actor norwegian = actor(OrganisationRole.TRADER, "NO");
    Map<String, Object> body = new HashMap<>();
    body.put("exporter", exporter.id().toString());
    body.put("importer", norwegian.id().toString());
    body.put("importingParticipant", "NO");
    body.put("origin", Map.of("kind", "single", "countries", List.of("BW")));
    body.put(
        "lines", List.of(Map.of("hsCode", "7102.21", "carats", "10.00", "valueUsd", "1500.00")));
    body.put("parcels", 1);
    body.put("sealId", "SEAL-LANE");
    body.put("issuedOn", today().toString());
    body.put("expiresOn", today().plusDays(30).toString());
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(6);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return botswana.api().post("/api/v1/certificates", body).status();
                }));
      }
      start.countDown();
      for (java.util.concurrent.Future<Integer> f : results) {
        assertThat(f.get()).isEqualTo(201);
      }
    } finally {
      pool.shutdownNow();
    }
    long onLane =
        tradeFigures.exports(YEAR, YEAR).stream()
            .filter(
                r ->
                    r.exporter().code().equals("BW")
                        && r.importer().code().equals("NO")
                        && r.hsCode().code().equals("7102.21"))
            .mapToLong(org.kimberlite.certification.TradeRow::certificates)
            .sum();
    assertThat(onLane).isEqualTo(6);
  }

  @Test
  void authoritiesReportProductionAndCorrectionsAreRevisions() {
    String path = "/api/v1/statistics/production/BW/" + YEAR + "/H1";
    Api.Answer first =
        botswana.api().put(path, Map.of("carats", "11000000.00", "valueUsd", "2200000000.00"));
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().get("revision").asInt()).isEqualTo(1);
    assertThat(belgium.api().put(path, Map.of("carats", "1.00", "valueUsd", "1.00")).status())
        .isEqualTo(403);
    assertThat(exporter.api().put(path, Map.of("carats", "1.00", "valueUsd", "1.00")).status())
        .isEqualTo(403);
    assertThat(botswana.api().put(path, Map.of("carats", "12.345", "valueUsd", "1.00")).status())
        .isEqualTo(422);
    assertThat(
            botswana
                .api()
                .put(
                    "/api/v1/statistics/production/BW/" + YEAR + "/H3",
                    Map.of("carats", "1.00", "valueUsd", "1.00"))
                .status())
        .isEqualTo(422);
    Api.Answer noReason =
        botswana.api().put(path, Map.of("carats", "11500000.00", "valueUsd", "2300000000.00"));
    assertThat(noReason.status()).isEqualTo(422);
    assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
    Api.Answer corrected =
        botswana
            .api()
            .put(
                path,
                Map.of(
                    "carats",
                    "11500000.00",
                    "valueUsd",
                    "2300000000.00",
                    "reason",
                    "late mine returns"));
    assertThat(corrected.json().get("revision").asInt()).isEqualTo(2);
    botswana
        .api()
        .put(
            "/api/v1/statistics/production/BW/" + YEAR + "/H2",
            Map.of("carats", "12500000.00", "valueUsd", "2500000000.00"));
    JsonNode summary = anonymous().get("/api/v1/statistics/summary?year=" + YEAR).json();
    JsonNode bw = line(summary.get("production"), "BW");
    assertThat(bw.get("carats").asString()).isEqualTo("24000000.00");
    assertThat(bw.get("valueUsd").asString()).isEqualTo("4800000000.00");
    assertThat(bw.get("usdPerCarat").asString()).isEqualTo("200.00");
    assertThat(botswana.api().get("/api/v1/statistics/production/BW?year=" + YEAR).json())
        .hasSize(3);
  }

  @Test
  void certificatesMoveTheTradeStatisticsTheMomentTheyChange() {
    JsonNode before = anonymous().get("/api/v1/statistics/summary?year=" + YEAR).json();
    BigDecimal exportsBefore = carats(before.get("exports"), "BW");
    BigDecimal importsBefore = carats(before.get("imports"), "EU");
    long issuedBefore = before.get("certificates").get("issued").asLong();

    Map<String, Object> body = new HashMap<>();
    body.put("exporter", exporter.id().toString());
    body.put("importer", importer.id().toString());
    body.put("importingParticipant", "EU");
    body.put("origin", Map.of("kind", "single", "countries", List.of("BW")));
    body.put(
        "lines",
        List.of(Map.of("hsCode", "7102.31", "carats", "1000.00", "valueUsd", "190000.00")));
    body.put("parcels", 2);
    body.put("sealId", "SEAL-STAT-1");
    body.put("issuedOn", today().toString());
    body.put("expiresOn", today().plusDays(30).toString());
    JsonNode first = botswana.api().post("/api/v1/certificates", body).json();
    JsonNode second = botswana.api().post("/api/v1/certificates", body).json();

    JsonNode issued = anonymous().get("/api/v1/statistics/summary?year=" + YEAR).json();
    assertThat(carats(issued.get("exports"), "BW"))
        .isEqualByComparingTo(exportsBefore.add(new BigDecimal("2000.00")));
    assertThat(issued.get("certificates").get("issued").asLong()).isEqualTo(issuedBefore + 2);
    assertThat(carats(issued.get("imports"), "EU")).isEqualByComparingTo(importsBefore);

    botswana
        .api()
        .post(
            "/api/v1/certificates/" + second.get("number").asString() + "/cancellation",
            Map.of("reason", "withdrawn"));
    Map<String, Object> confirm = new HashMap<>();
    confirm.put("parcels", 2);
    confirm.put("carats", "1000.00");
    confirm.put("importer", importer.id().toString());
    confirm.put("exporter", exporter.id().toString());
    confirm.put("sealId", "SEAL-STAT-1");
    confirm.put("receivedOn", today().toString());
    assertThat(
            belgium
                .api()
                .post(
                    "/api/v1/certificates/" + first.get("number").asString() + "/confirmation",
                    confirm)
                .status())
        .isEqualTo(200);

    JsonNode after = anonymous().get("/api/v1/statistics/summary?year=" + YEAR).json();
    assertThat(carats(after.get("exports"), "BW"))
        .isEqualByComparingTo(exportsBefore.add(new BigDecimal("1000.00")));
    assertThat(after.get("certificates").get("issued").asLong()).isEqualTo(issuedBefore + 1);
    assertThat(carats(after.get("imports"), "EU"))
        .isEqualByComparingTo(importsBefore.add(new BigDecimal("1000.00")));
    // The running aggregates equal a recomputation from every certificate.
    List<org.kimberlite.certification.TradeRow> exportsKept = tradeFigures.exports(YEAR, YEAR);
    List<org.kimberlite.certification.TradeRow> importsKept = tradeFigures.imports(YEAR, YEAR);
    Map<org.kimberlite.shared.ParticipantCode, Long> issuedKept = tradeFigures.issuedCounts(YEAR);
    aggregates.rebuild();
    assertThat(tradeFigures.exports(YEAR, YEAR)).isEqualTo(exportsKept);
    assertThat(tradeFigures.imports(YEAR, YEAR)).isEqualTo(importsKept);
    assertThat(tradeFigures.issuedCounts(YEAR)).isEqualTo(issuedKept);
    // The lane BW -> EU may have fewer certificates than a public cell needs: the secretariat sees
    // it, the public sees BW's exports either in the cell or in BW's "other" total.
    Actor secretariat = actor(OrganisationRole.KP_SECRETARIAT, "BW");
    JsonNode full = secretariat.api().get("/api/v1/statistics/matrix?year=" + YEAR).json();
    assertThat(full.toString()).contains("\"exporter\":\"BW\",\"importer\":\"EU\"");
    JsonNode matrix = anonymous().get("/api/v1/statistics/matrix?year=" + YEAR).json();
    assertThat(matrix.toString()).contains("\"exporter\":\"BW\"");
    JsonNode series = anonymous().get("/api/v1/statistics/participants/BW").json();
    assertThat(series.toString()).contains("\"year\":" + YEAR);
  }

  // --- disclosure of the trade matrix --------------------------------------------------------

  void issue(Actor importerActor, String participant, int certificates, String carats) {
    issue(
        importerActor,
        participant,
        certificates,
        List.of(Map.of("hsCode", "7102.31", "carats", carats, "valueUsd", "1000.00")));
  }

  void issue(
      Actor importerActor, String participant, int certificates, List<Map<String, String>> lines) {
    Map<String, Object> body = new HashMap<>();
    body.put("exporter", exporter.id().toString());
    body.put("importer", importerActor.id().toString());
    body.put("importingParticipant", participant);
    body.put("origin", Map.of("kind", "single", "countries", List.of("BW")));
    body.put("lines", lines);
    body.put("parcels", 1);
    body.put("sealId", "SEAL-DISCLOSURE");
    body.put("issuedOn", today().toString());
    body.put("expiresOn", today().plusDays(30).toString());
    for (int i = 0; i < certificates; i++) {
      Api.Answer a = botswana.api().post("/api/v1/certificates", body);
      assertThat(a.status()).as(a.body()).isEqualTo(201);
    }
  }

  static Map<String, BigDecimal> row(JsonNode matrix, String exporterCode) {
    Map<String, BigDecimal> out = new HashMap<>();
    for (JsonNode c : matrix) {
      if (c.get("exporter").asString().equals(exporterCode)) {
        out.put(c.get("importer").asString(), new BigDecimal(c.get("carats").asString()));
      }
    }
    return out;
  }

  @Test
  void thePublicMatrixShowsOnlyCellsOfAtLeastThreeCertificatesAndTheSecretariatSeesThemAll() {
    Actor uae = actor(OrganisationRole.TRADER, "AE");
    Actor china = actor(OrganisationRole.TRADER, "CN");
    issue(uae, "AE", 2, "7.00"); // two certificates: one company's prices, not published
    issue(china, "CN", 3, "5.00"); // three certificates: published
    Actor india = actor(OrganisationRole.TRADER, "IN");
    // Two certificates of two HS codes each: four lines, still two certificates, not published.
    issue(
        india,
        "IN",
        2,
        List.of(
            Map.of("hsCode", "7102.21", "carats", "1.00", "valueUsd", "100.00"),
            Map.of("hsCode", "7102.31", "carats", "2.00", "valueUsd", "200.00")));

    JsonNode publicMatrix = anonymous().get("/api/v1/statistics/matrix?year=" + YEAR).json();
    Map<String, BigDecimal> shown = row(publicMatrix, "BW");
    assertThat(shown).doesNotContainKey("AE").doesNotContainKey("IN");
    assertThat(shown.get("CN")).isEqualByComparingTo("15.00");
    assertThat(shown.get("OTHER")).isGreaterThanOrEqualTo(new BigDecimal("20.00"));

    Actor secretariat = actor(OrganisationRole.KP_SECRETARIAT, "BW");
    JsonNode fullMatrix = secretariat.api().get("/api/v1/statistics/matrix?year=" + YEAR).json();
    Map<String, BigDecimal> all = row(fullMatrix, "BW");
    assertThat(all.get("AE")).isEqualByComparingTo("14.00");
    assertThat(all.get("CN")).isEqualByComparingTo("15.00");
    assertThat(all.get("IN")).isEqualByComparingTo("6.00");
    assertThat(all).doesNotContainKey("OTHER");
    // The row still adds up: shown cells and "other" make the exporter's total.
    BigDecimal publicTotal = shown.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal fullTotal = all.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(publicTotal).isEqualByComparingTo(fullTotal);
    JsonNode summary = anonymous().get("/api/v1/statistics/summary?year=" + YEAR).json();
    assertThat(carats(summary.get("exports"), "BW")).isEqualByComparingTo(fullTotal);

    String csv = anonymous().get("/api/v1/statistics/matrix.csv?year=" + YEAR).body();
    assertThat(csv).startsWith("year,exporter,importer,carats,value_usd,suppressed_cells\n");
    assertThat(csv)
        .contains(YEAR + ",BW,CN,15.00,")
        .doesNotContain(",BW,AE,")
        .contains(",BW,OTHER,");
    String fullCsv = secretariat.api().get("/api/v1/statistics/matrix.csv?year=" + YEAR).body();
    assertThat(fullCsv).contains(YEAR + ",BW,AE,14.00,").doesNotContain(",OTHER,");

    String page = anonymous().get("/statistics/matrix?year=" + YEAR).body();
    assertThat(page).contains("id=\"disclosure\"").contains("Other importers");
    String fullPage =
        org.kimberlite.statistics.web.PageSession.signIn(
                "http://127.0.0.1:" + port, secretariat.username(), secretariat.password())
            .get("/statistics/matrix?year=" + YEAR)
            .body();
    assertThat(fullPage).doesNotContain("id=\"disclosure\"").contains("United Arab Emirates");
  }

  // --- bounded request parameters --------------------------------------------------------------

  @Test
  void extremeOrMalformedYearsAreA4xxProblemAtOnce() {
    Actor secretariat = actor(OrganisationRole.KP_SECRETARIAT, "BW");
    List<String> bad =
        List.of("-2147483648", "2147483647", "99999999999999999999", "abc", "1e9", "1989", "0", "");
    List<String> paths =
        List.of(
            "/api/v1/statistics/summary?year=",
            "/api/v1/statistics/summary.csv?year=",
            "/api/v1/statistics/matrix?year=",
            "/api/v1/statistics/matrix.csv?year=",
            "/api/v1/statistics/participants/BW?from=",
            "/api/v1/statistics/participants/BW?to=",
            "/api/v1/statistics/checks?year=");
    for (String path : paths) {
      for (String value : bad) {
        if (value.isEmpty() && path.contains("participants")) {
          continue; // an empty from or to means the default
        }
        problem(
            secretariat.api(),
            path + value,
            path.contains("from=") ? "from" : path.contains("to=") ? "to" : "year");
      }
    }
    int next = YEAR + 1;
    problem(anonymous(), "/api/v1/statistics/summary?year=" + (next + 1), "year");
    problem(
        anonymous(), "/api/v1/statistics/participants/BW?from=-2147483648&to=2147483647", "from");
    problem(anonymous(), "/api/v1/statistics/participants/BW?from=" + YEAR + "&to=2000", "from");
    problem(anonymous(), "/api/v1/statistics/participants/B%20W", "code");
    for (String value : List.of("-2147483648", "2147483647", "abc")) {
      for (String page : List.of("/statistics?year=", "/statistics/matrix?year=")) {
        Api.Answer a = timed(anonymous(), page + value);
        assertThat(a.status()).as(page + value).isEqualTo(422);
      }
    }
    org.kimberlite.statistics.web.PageSession session =
        org.kimberlite.statistics.web.PageSession.signIn(
            "http://127.0.0.1:" + port, secretariat.username(), secretariat.password());
    for (String value : List.of("-2147483648", "2147483647", "abc")) {
      int status =
          org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
              java.time.Duration.ofSeconds(10),
              () -> session.get("/secretariat/statistics-checks?year=" + value).status());
      assertThat(status).as(value).isEqualTo(422);
    }
    // A production report for an extreme year is refused as a violation, not a failure.
    for (String year : List.of("-2147483648", "2147483647")) {
      Api.Answer put =
          botswana
              .api()
              .put(
                  "/api/v1/statistics/production/BW/" + year + "/H1",
                  Map.of("carats", "1.00", "valueUsd", "1.00"));
      assertThat(put.status()).as(put.body()).isEqualTo(422);
      assertThat(put.json().get("errors").toString()).contains("\"field\":\"year\"");
    }
    // The edges: 1990 and next year are asked for, 1989 and the year after next are not.
    assertThat(timed(anonymous(), "/api/v1/statistics/summary?year=1990").status()).isEqualTo(200);
    assertThat(timed(anonymous(), "/api/v1/statistics/summary?year=" + next).status())
        .isEqualTo(200);
  }

  static Api.Answer timed(Api api, String path) {
    return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(10), () -> api.get(path), path);
  }

  static void problem(Api api, String path, String field) {
    Api.Answer a = timed(api, path);
    assertThat(a.status()).as(path + " " + a.body()).isEqualTo(422);
    assertThat(a.contentType()).as(path).startsWith("application/problem+json");
    JsonNode errors = a.json().get("errors");
    assertThat(errors.toString()).as(path).contains("\"field\":\"" + field + "\"");
  }
}

package org.kimberlite.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.NewAccount;
import org.kimberlite.registry.NewOrganisation;
import org.kimberlite.registry.Organisation;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.statistics.PublishedFigures;
import org.kimberlite.statistics.Statistics;
import org.kimberlite.support.Api;
import org.kimberlite.support.Api.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The public statistics pages over the published kp-stats figures, a participant's own reports and
 * certificates issued and confirmed this year: each renders its figures, its charts and its
 * download links.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsPagesIT {
  // The published KP figures bundled with the application (src/main/resources/statistics, with
  // sources).
  static final Path KP_STATS =
      Path.of("src/main/resources/statistics/kp_production_by_country.csv");

  @LocalServerPort int port;
  @Autowired PublishedFigures published;
  @Autowired Statistics statistics;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;

  int thisYear;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:statistics-pages-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
  }

  @BeforeAll
  void figures() throws IOException {
    org.assertj.core.api.Assertions.assertThat(KP_STATS).exists();
    published.importProductionCsv(Files.readAllLines(KP_STATS, StandardCharsets.UTF_8), null);
    // A residual label with markup in it: the pages must show it as text.
    published.importProductionCsv(
        List.of(
            "year,participant,production_carats,production_value_usd,source_key",
            "2019,<b>Elsewhere & Co</b>,1000,50000,test"),
        null);
    Caller secretariat =
        new Caller(
            UUID.randomUUID(),
            "secretary",
            UUID.randomUUID(),
            "KP Secretariat (test)",
            Set.of(OrganisationRole.KP_SECRETARIAT),
            null,
            false);
    for (String half : List.of("H1", "H2")) {
      statistics.submit(
          secretariat,
          "BW",
          2023,
          half,
          new Statistics.Submission("12500000.50", "2300000000.25", null, null, null));
    }
    // Certificates of this year: Botswana and South Africa export, the EU and the UAE import.
    Actor botswana = actor(OrganisationRole.KP_AUTHORITY, "BW");
    Actor southAfrica = actor(OrganisationRole.KP_AUTHORITY, "ZA");
    Actor belgium = actor(OrganisationRole.KP_AUTHORITY, "BE");
    Actor bwTrader = actor(OrganisationRole.TRADER, "BW");
    Actor zaTrader = actor(OrganisationRole.TRADER, "ZA");
    Actor beTrader = actor(OrganisationRole.TRADER, "BE");
    Actor aeTrader = actor(OrganisationRole.TRADER, "AE");
    String first = issue(botswana, bwTrader, beTrader, "EU", "BW", "1000.00", "190000.00");
    issue(botswana, bwTrader, beTrader, "EU", "BW", "250.50", "50000.00");
    issue(botswana, bwTrader, aeTrader, "AE", "BW", "400.00", "60000.00");
    String fromZa = issue(southAfrica, zaTrader, beTrader, "EU", "ZA", "300.00", "45000.00");
    confirm(belgium, first, bwTrader, beTrader, "1000.00");
    confirm(belgium, fromZa, zaTrader, beTrader, "300.00");
    thisYear = LocalDate.now(ZoneOffset.UTC).getYear();
  }

  Api anonymous() {
    return new Api("http://127.0.0.1:" + port);
  }

  record Actor(UUID id, Api api) {}

  Actor actor(OrganisationRole role, String country) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Organisation o =
        organisations.registerSeed(
            new NewOrganisation(
                role + " " + country + " " + suffix,
                org.kimberlite.shared.CountryCode.of(country),
                Set.of(role),
                null,
                null));
    String password = "statistics pages " + suffix;
    accounts.create(o.id(), new NewAccount("p-" + suffix, "Tester", password, true));
    Answer token =
        anonymous()
            .post("/api/v1/auth/token", Map.of("username", "p-" + suffix, "password", password));
    assertThat(token.status()).as(token.body()).isEqualTo(201);
    return new Actor(o.id(), anonymous().withToken(token.json().get("token").asString()));
  }

  String issue(
      Actor authority,
      Actor exporter,
      Actor importer,
      String importingParticipant,
      String origin,
      String carats,
      String valueUsd) {
    Map<String, Object> body = new HashMap<>();
    body.put("exporter", exporter.id().toString());
    body.put("importer", importer.id().toString());
    body.put("importingParticipant", importingParticipant);
    body.put("origin", Map.of("kind", "single", "countries", List.of(origin)));
    body.put("lines", List.of(Map.of("hsCode", "7102.31", "carats", carats, "valueUsd", valueUsd)));
    body.put("parcels", 1);
    body.put("sealId", "SEAL-PAGES-" + carats);
    body.put("issuedOn", LocalDate.now(ZoneOffset.UTC).toString());
    body.put("expiresOn", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
    Answer issued = authority.api().post("/api/v1/certificates", body);
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    return issued.json().get("number").asString();
  }

  void confirm(Actor authority, String number, Actor exporter, Actor importer, String carats) {
    Map<String, Object> body = new HashMap<>();
    body.put("parcels", 1);
    body.put("carats", carats);
    body.put("importer", importer.id().toString());
    body.put("exporter", exporter.id().toString());
    body.put("sealId", "SEAL-PAGES-" + carats);
    body.put("receivedOn", LocalDate.now(ZoneOffset.UTC).toString());
    Answer confirmed =
        authority.api().post("/api/v1/certificates/" + number + "/confirmation", body);
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
  }

  /** The KP secretariat, signed in to the pages: it sees the whole trade matrix. */
  PageSession secretariat() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Organisation o =
        organisations.registerSeed(
            new NewOrganisation(
                "KP Secretariat " + suffix,
                org.kimberlite.shared.CountryCode.of("BW"),
                Set.of(OrganisationRole.KP_SECRETARIAT),
                null,
                null));
    String password = "statistics pages " + suffix;
    accounts.create(o.id(), new NewAccount("s-" + suffix, "Secretary", password, true));
    return PageSession.signIn("http://127.0.0.1:" + port, "s-" + suffix, password);
  }

  Answer page(String path) {
    Answer page = anonymous().getPage(path);
    assertThat(page.status()).as(path + ": " + page.body()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    // The Content-Security-Policy allows no inline styles or scripts.
    assertThat(page.body())
        .doesNotContain(" style=")
        .doesNotContain("<style")
        .doesNotContain("<script");
    return page;
  }

  @Test
  void theSummaryOfAYearHasItsFiguresChartsAndDownloads() {
    String body = page("/statistics?year=2022").body();
    assertThat(body)
        .contains("Rough diamonds in <span>2022</span>")
        // Production by participant, with thousands separators.
        .contains("Botswana", "24,510,000.00", "4,700,000,000.00", "191.76")
        .contains("Russian Federation", "41,924,000.00")
        // The residual line keeps its label and gets no link.
        .contains("Others")
        // World totals: the sums of the lines, without the published TOTAL line.
        .contains("121,470,000.00", "16,285,000,000.00")
        // The published world total is shown beside them.
        .contains("id=\"published-total\"", "121,471,000.00 carats")
        // Two charts: production in carats and US$ per carat with the world average.
        .contains("<svg", "id=\"production-carats-title\"", "id=\"production-price-title\"")
        .contains("Production 2022 by participant, carats")
        .contains("World 134.07")
        // Bars link to each participant's page.
        .contains("href=\"/statistics/participants/BW\"")
        // Downloads and the year selector.
        .contains("href=\"/api/v1/statistics/summary.csv?year=2022\"")
        .contains("href=\"/api/v1/statistics/summary?year=2022\"")
        .contains("<option value=\"2020\">2020</option>")
        .contains("<option value=\"2022\" selected=\"selected\">2022</option>")
        // The navigation leads here.
        .contains("href=\"/statistics\"");
    assertThat(anonymous().get("/api/v1/statistics/summary.csv?year=2022").body())
        .contains("2022,production,BW,Botswana,24510000.00,4700000000.00,191.76");
  }

  @Test
  void byDefaultTheNewestYearWithFiguresWithItsTrade() {
    String body = page("/statistics").body();
    assertThat(body)
        .contains("Rough diamonds in <span>" + thisYear + "</span>")
        .contains("No production figures for")
        .contains("href=\"/statistics?year=2022\"")
        .contains(thisYear + " (certificates only)")
        .contains("id=\"exports-carats-title\"", "id=\"imports-carats-title\"")
        .contains("Exports " + thisYear + " under KP certificates, carats")
        .contains("id=\"certificates-table\"");
  }

  @Test
  void markupInALabelIsShownAsText() {
    String body = page("/statistics?year=2019").body();
    assertThat(body)
        .contains("&lt;b&gt;Elsewhere &amp; Co&lt;/b&gt;")
        .doesNotContain("<b>Elsewhere");
  }

  @Test
  void aParticipantOverTheYears() {
    String body = page("/statistics/participants/bw").body();
    assertThat(body)
        .contains("Botswana", "<code>BW</code>")
        // The published years and its own reports for 2023 (two halves).
        .contains("data-year=\"2016\"", "data-year=\"2020\"", "data-year=\"2022\"")
        .contains("data-year=\"2023\"", "25,000,001.00", "4,600,000,000.50")
        .contains("20,501,000.00", "16,940,705.00")
        // Columns of volume and value, a line of US$ per carat (dashed across the gaps).
        .contains("id=\"production-volume-title\"", "id=\"production-value-title\"")
        .contains("<polyline", "class=\"trend gap\"")
        // Its trade under this year's certificates.
        .contains("id=\"trade-carats-title\"", "data-year=\"" + thisYear + "\"")
        .contains("href=\"/api/v1/statistics/participants/BW\"");
  }

  @Test
  void anUnknownParticipantIsNotFound() {
    assertThat(anonymous().getPage("/statistics/participants/XX").status()).isEqualTo(404);
  }

  @Test
  void thePublicTradeMatrixFoldsCellsOfFewerThanThreeCertificatesIntoOther() {
    // Every lane of this year has one or two certificates: the public sees the exporters' totals.
    String body = page("/statistics/matrix?year=" + thisYear).body();
    assertThat(body)
        .contains("id=\"disclosure\"", "Other importers")
        .contains("Botswana", "South Africa")
        .contains("1,650.50 ct", "1,950.50 ct")
        .doesNotContain("1,250.50 ct")
        .contains("href=\"/api/v1/statistics/matrix.csv?year=" + thisYear + "\"");
  }

  @Test
  void theTradeMatrixShadesItsCells() {
    PageSession secretariat = secretariat();
    PageSession.Page full = secretariat.get("/statistics/matrix?year=" + thisYear);
    assertThat(full.status()).as(full.body()).isEqualTo(200);
    String body = full.body();
    assertThat(body).doesNotContain("id=\"disclosure\"");
    assertThat(body)
        .contains("<table class=\"matrix\" id=\"matrix\">")
        .contains("Botswana", "South Africa", "European Union", "United Arab Emirates")
        .contains("1,250.50 ct", "US$ 240,000.00", "1,950.50 ct")
        .contains("shade-5", "Total exports", "Total imports")
        .contains(" ct</span>", "US$ ")
        .contains("href=\"/api/v1/statistics/matrix?year=" + thisYear + "\"");
    assertThat(secretariat.get("/statistics/matrix?year=" + thisYear + "&by=value").body())
        .contains("Shaded by US$ value:", "shade-5");
    assertThat(page("/statistics/matrix?year=2003").body())
        .contains("No KP certificates were issued for export in");
  }
}

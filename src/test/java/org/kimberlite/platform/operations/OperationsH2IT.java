package org.kimberlite.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kimberlite.ledger.internal.Integrator;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.support.Actors;
import org.kimberlite.support.Actors.Actor;
import org.kimberlite.support.Api;
import org.kimberlite.support.Api.Answer;
import org.kimberlite.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Health, metrics and request ids as operators meet them: readiness UP normally and DOWN when the
 * log's integrator falls behind; the domain's counters in the Prometheus scrape after an issue and
 * a capture, with route templates and never a certificate number, an EPC or an organisation in
 * labels; X-Request-Id echoed.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "kimberlite.data-dir=target/it-data",
      "kimberlite.ledger.interval=50ms",
      "kimberlite.ledger.max-lag=30s"
    })
@Import(TestClock.Config.class)
class OperationsH2IT {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:h2:mem:operations-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
  }

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;
  @Autowired TestClock clock;
  @Autowired Integrator integrator;

  Api main() {
    return new Api("http://127.0.0.1:" + port);
  }

  Api management() {
    return new Api("http://127.0.0.1:" + managementPort);
  }

  @AfterEach
  void resume() {
    clock.reset();
    if (!integrator.isRunning()) {
      integrator.start();
    }
  }

  Map<String, Object> certificate(Actor exporter, Actor importer) {
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> body = new HashMap<>();
    body.put("exporter", exporter.id().toString());
    body.put("importer", importer.id().toString());
    body.put("importingParticipant", "EU");
    body.put("origin", Map.of("kind", "single", "countries", List.of("BW")));
    body.put(
        "lines",
        List.of(Map.of("hsCode", "7102.31", "carats", "1250.40", "valueUsd", "187560.00")));
    body.put("parcels", 3);
    body.put("sealId", "SEAL-000123");
    body.put("issuedOn", today.toString());
    body.put("expiresOn", today.plusDays(30).toString());
    return body;
  }

  @Test
  void probesAnswerOnTheMainPortWithoutDetailsAndInFullOnTheManagementPort() {
    for (String path : List.of("/livez", "/readyz")) {
      Answer a = main().get(path);
      assertThat(a.status()).as(path + " " + a.body()).isEqualTo(200);
      assertThat(a.json().get("status").asString()).isEqualTo("UP");
      assertThat(a.body()).doesNotContain("components").doesNotContain("H2");
    }
    Answer full = management().get("/health");
    assertThat(full.status()).as(full.body()).isEqualTo(200);
    for (String part : List.of("db", "migrations", "ledger")) {
      assertThat(full.json().get("components").get(part).get("status").asString())
          .as(part)
          .isEqualTo("UP");
    }
    assertThat(management().get("/health/readiness").status()).isEqualTo(200);
    assertThat(management().get("/health/liveness").status()).isEqualTo(200);
    // Metrics are not on the main port.
    assertThat(main().get("/metrics").status()).isEqualTo(404);
  }

  @Test
  void readinessTurnsDownWhileTheIntegratorLagsAndUpWhenItCatchesUp() throws Exception {
    Actors actors = new Actors(organisations, accounts, main());
    Actor botswana = actors.create(OrganisationRole.KP_AUTHORITY, "BW");
    Actor exporter = actors.create(OrganisationRole.TRADER, "BW");
    Actor importer = actors.create(OrganisationRole.TRADER, "BE");

    // A stopped integrator is not ready at once; the lag bound alone: IntegrationHealthTest.
    integrator.stop();
    assertThat(main().get("/readyz").status()).isEqualTo(503);
    Answer second = botswana.api().post("/api/v1/certificates", certificate(exporter, importer));
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    clock.advance(Duration.ofMinutes(2));
    Answer down = main().get("/readyz");
    assertThat(down.status()).as(down.body()).isEqualTo(503);
    assertThat(down.json().get("status").asString()).isEqualTo("DOWN");
    var ledger = management().get("/health").json().get("components").get("ledger");
    assertThat(ledger.get("status").asString()).isEqualTo("DOWN");
    assertThat(ledger.get("details").get("integratorRunning").asBoolean()).isFalse();
    assertThat(ledger.get("details").get("pending").asLong()).isPositive();
    assertThat(ledger.get("details").get("lagSeconds").asLong()).isGreaterThanOrEqualTo(120);
    // The gauges show figures read every 5 s off the scrape's thread.
    String scrape = awaitScrape("(?m)^kimberlite_log_pending_entries\\{[^}]*} [1-9]");
    assertThat(scrape).containsPattern("(?m)^kimberlite_log_lag_seconds\\{[^}]*} 1[2-9][0-9]");

    integrator.start();
    awaitReady();
    awaitScrape("(?m)^kimberlite_log_pending_entries\\{[^}]*} 0\\.0$");
  }

  private String awaitScrape(String pattern) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (true) {
      String scrape = management().get("/metrics").body();
      if (java.util.regex.Pattern.compile(pattern).matcher(scrape).find()) {
        return scrape;
      }
      assertThat(Instant.now()).as("a scrape matching " + pattern).isBefore(deadline);
      Thread.sleep(100);
    }
  }

  private void awaitReady() throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (main().get("/readyz").status() != 200) {
      assertThat(Instant.now()).as("readiness back UP").isBefore(deadline);
      Thread.sleep(50);
    }
  }

  @Test
  void theScrapeHasTheDomainCountersAndRouteTemplatesOnly() {
    Actors actors = new Actors(organisations, accounts, main());
    Actor botswana = actors.create(OrganisationRole.KP_AUTHORITY, "BW");
    Actor exporter = actors.create(OrganisationRole.TRADER, "BW");
    Actor importer = actors.create(OrganisationRole.TRADER, "BE");
    Answer issued = botswana.api().post("/api/v1/certificates", certificate(exporter, importer));
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    String number = issued.json().get("number").asString();
    assertThat(botswana.api().get("/api/v1/certificates/" + number).status()).isEqualTo(200);
    Map<String, Object> bad = certificate(exporter, importer);
    bad.put("parcels", 0);
    assertThat(botswana.api().post("/api/v1/certificates", bad).status()).isEqualTo(422);
    assertThat(
            main()
                .post(
                    "/api/v1/auth/token",
                    Map.of("username", botswana.username(), "password", "not the password"))
                .status())
        .isEqualTo(401);

    Answer scrape = management().get("/metrics");
    assertThat(scrape.status()).isEqualTo(200);
    String text = scrape.body();
    assertThat(text).containsPattern("(?m)^kimberlite_certificates_issued_total\\{[^}]*} [1-9]");
    assertThat(text)
        .containsPattern("(?m)^kimberlite_certificates_refused_total\\{[^}]*rule=\"KP-[0-9]+\"");
    assertThat(text).containsPattern("(?m)^kimberlite_login_failures_total\\{[^}]*} [1-9]");
    assertThat(text).containsPattern("(?m)^kimberlite_log_size_entries\\{");
    assertThat(text).contains("uri=\"/api/v1/certificates/{number}\"");
    // Nothing private in labels: no certificate number, account or organisation.
    assertThat(text)
        .doesNotContain(number)
        .doesNotContain(botswana.username())
        .doesNotContain(botswana.id().toString());
  }

  @Test
  void theScrapeCountsCapturedEventsAndJobsByOutcome() throws InterruptedException {
    Actor miner = new Actors(organisations, accounts, main()).create(OrganisationRole.MINER, "BW");
    String document =
        """
        {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
         "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-05-01T10:00:00Z",
         "epcisBody": {"eventList": [
           {"type": "ObjectEvent", "eventTime": "2024-05-01T08:00:00Z",
            "eventTimeZoneOffset": "+02:00", "action": "ADD", "bizStep": "commissioning",
            "epcList": ["https://id.gs1.org/01/09521141012345/21/OPS-1"],
            "readPoint": {"id": "urn:epc:id:sgln:0614141.00777.0"}}]}}
        """;
    Answer posted =
        miner
            .api()
            .exchange("POST", "/epcis/capture", document, "Content-Type", "application/ld+json");
    assertThat(posted.status()).as(posted.body()).isEqualTo(202);
    String job = posted.raw().headers().firstValue("Location").orElseThrow();
    Instant deadline = Instant.now().plusSeconds(20);
    while (miner.api().get(job).json().get("running").asBoolean()) {
      assertThat(Instant.now()).as("the capture job finishes").isBefore(deadline);
      Thread.sleep(20);
    }
    String scrape = awaitScrape("(?m)^kimberlite_capture_jobs_total\\{[^}]*} [1-9]");
    assertThat(scrape)
        .containsPattern(
            "(?m)^kimberlite_capture_events_total\\{[^}]*outcome=\"(stored|refused)\"[^}]*} [1-9]")
        .containsPattern("(?m)^kimberlite_capture_events_total\\{[^}]*outcome=\"known\"")
        .containsPattern("(?m)^kimberlite_capture_processing_seconds_count\\{[^}]*} [1-9]")
        .doesNotContain("OPS-1")
        .doesNotContain(miner.id().toString());
  }

  @Test
  void theRequestIdIsEchoedOrMadeWhenMissingOrUnfit() throws IOException, InterruptedException {
    String given = "req-4f2a.7:given";
    assertThat(requestId(given)).isEqualTo(given);
    String made = requestId(null);
    assertThat(made).matches("[0-9a-f-]{36}");
    assertThat(requestId("two words")).isNotEqualTo("two words").matches("[0-9a-f-]{36}");
    assertThat(requestId("x".repeat(65))).matches("[0-9a-f-]{36}");
    // Refusals carry it too.
    HttpResponse<String> refused =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(main().base() + "/api/v1/me"))
                .header("X-Request-Id", given)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("X-Request-Id")).hasValue(given);
  }

  private String requestId(String given) throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(main().base() + "/api/v1/participants"));
    if (given != null) {
      b.header("X-Request-Id", given);
    }
    HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.headers().firstValue("X-Request-Id").orElseThrow();
  }
}

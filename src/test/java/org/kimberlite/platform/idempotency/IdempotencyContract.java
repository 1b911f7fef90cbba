package org.kimberlite.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kimberlite.platform.idempotency.internal.IdempotencyRepository;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.NewAccount;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.support.Actors;
import org.kimberlite.support.Actors.Actor;
import org.kimberlite.support.Api;
import org.kimberlite.support.Api.Answer;
import org.kimberlite.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code Idempotency-Key} over HTTP on each database: a retry replays the first answer and runs
 * nothing; another request under the same key is refused; concurrent retries run the action once;
 * callers' keys are their own; keys expire; a key left behind by a dead process is handled as the
 * crash-safety promise says (docs/security.md).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
@Import(TestClock.Config.class)
abstract class IdempotencyContract {
  static final String CERTIFICATES = "/api/v1/certificates";

  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;
  @Autowired TestClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired IdempotencyRepository keys;

  Actor botswana;
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
    exporter = actor(OrganisationRole.TRADER, "BW");
    importer = actor(OrganisationRole.TRADER, "BE");
  }

  @AfterEach
  void timeResumes() {
    clock.reset();
  }

  Map<String, Object> certificate(int parcels) {
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> body = new HashMap<>();
    body.put("exporter", exporter.id().toString());
    body.put("importer", importer.id().toString());
    body.put("importingParticipant", "EU");
    body.put("origin", Map.of("kind", "single", "countries", List.of("BW")));
    body.put(
        "lines",
        List.of(Map.of("hsCode", "7102.31", "carats", "1250.40", "valueUsd", "187560.00")));
    body.put("parcels", parcels);
    body.put("sealId", "SEAL-000123");
    body.put("issuedOn", today.toString());
    body.put("expiresOn", today.plusDays(30).toString());
    return body;
  }

  long certificates() {
    return jdbc.sql("select count(*) from kp_certificate where exporter = :exporter")
        .param("exporter", exporter.id())
        .query(Long.class)
        .single();
  }

  static String key() {
    return "test-" + UUID.randomUUID();
  }

  static String header(Answer a, String name) {
    return a.raw().headers().firstValue(name).orElse("");
  }

  static void problem(Answer a, int status, String type) {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(a.json().get("type").asString()).isEqualTo("/problems/" + type);
  }

  @Test
  void aRetryWithTheSameKeyReplaysTheFirstAnswerAndIssuesOneCertificate() {
    String key = key();
    Answer first = botswana.api().post(CERTIFICATES, certificate(3), "Idempotency-Key", key);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(header(first, "Idempotent-Replayed")).isEmpty();

    Answer again = botswana.api().post(CERTIFICATES, certificate(3), "Idempotency-Key", key);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(header(again, "Location")).isEqualTo(header(first, "Location")).isNotEmpty();
    assertThat(again.contentType()).isEqualTo(first.contentType());
    assertThat(header(again, "Idempotent-Replayed")).isEqualTo("true");
    assertThat(certificates()).isEqualTo(1);

    // The structured-field form of the same key is the same key.
    Answer quoted =
        botswana.api().post(CERTIFICATES, certificate(3), "Idempotency-Key", "\"" + key + "\"");
    assertThat(quoted.body()).isEqualTo(first.body());
    assertThat(certificates()).isEqualTo(1);
  }

  @Test
  void anAnswerThatWaitsForTheLogIsKeptAndReplayedToo() {
    String key = key();
    String path = CERTIFICATES + "?wait=5s";
    Answer first = botswana.api().post(path, certificate(3), "Idempotency-Key", key);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().get("log").get("index").isNull()).as(first.body()).isFalse();
    Answer again = botswana.api().post(path, certificate(3), "Idempotency-Key", key);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(header(again, "Idempotent-Replayed")).isEqualTo("true");
    assertThat(certificates()).isEqualTo(1);
  }

  @Test
  void aFormPostWithAKeyIsDoneOnceToo() throws Exception {
    String number =
        botswana.api().post(CERTIFICATES, certificate(3)).json().get("number").asString();
    String base = "http://127.0.0.1:" + port;
    java.net.http.HttpClient browser =
        java.net.http.HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager())
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .build();
    String login = page(browser, base + "/login");
    java.util.regex.Matcher field =
        java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
    assertThat(field.find()).isTrue();
    java.net.http.HttpResponse<String> signedIn =
        browser.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "username="
                            + botswana.username()
                            + "&password="
                            + java.net.URLEncoder.encode(
                                botswana.password(), java.nio.charset.StandardCharsets.UTF_8)
                            + "&_csrf="
                            + java.net.URLEncoder.encode(
                                field.group(1), java.nio.charset.StandardCharsets.UTF_8)))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    String home = page(browser, base + "/");
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("name=\"csrf-token\"\\s+content=\"([^\"]+)\"")
            .matcher(home);
    java.util.regex.Matcher header =
        java.util.regex.Pattern.compile("name=\"csrf-header\"\\s+content=\"([^\"]+)\"")
            .matcher(home);
    assertThat(token.find() && header.find()).isTrue();
    String key = key();
    List<java.net.http.HttpResponse<String>> answers = new ArrayList<>();
    for (String reason : List.of("lost in transit", "lost in transit", "stolen")) {
      answers.add(
          browser.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(
                          base + "/console/certificates/" + number + "/cancellation"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Accept", "text/html")
                  .header(header.group(1), token.group(1))
                  .header("Idempotency-Key", key)
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          "reason=" + reason.replace(" ", "+")))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString()));
    }
    assertThat(answers.get(0).statusCode()).as(answers.get(0).body()).isEqualTo(302);
    assertThat(answers.get(1).statusCode()).isEqualTo(302);
    assertThat(answers.get(1).headers().firstValue("Location"))
        .isEqualTo(answers.get(0).headers().firstValue("Location"));
    assertThat(answers.get(1).headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(answers.get(2).statusCode()).isEqualTo(422);
    assertThat(
            jdbc.sql(
                    "select count(*) from kp_certificate_event where number = :n"
                        + " and status = 'CANCELLED'")
                .param("n", number)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  static String page(java.net.http.HttpClient browser, String url) throws Exception {
    return browser
        .send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Accept", "text/html")
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void withoutTheHeaderEveryPostRunsAsBefore() {
    assertThat(botswana.api().post(CERTIFICATES, certificate(3)).status()).isEqualTo(201);
    assertThat(botswana.api().post(CERTIFICATES, certificate(3)).status()).isEqualTo(201);
    assertThat(certificates()).isEqualTo(2);
  }

  @Test
  void theSameKeyForAnotherRequestIsRefused() {
    String key = key();
    assertThat(botswana.api().post(CERTIFICATES, certificate(3), "Idempotency-Key", key).status())
        .isEqualTo(201);
    problem(
        botswana.api().post(CERTIFICATES, certificate(4), "Idempotency-Key", key),
        422,
        "idempotency/key-reused");
    problem(
        botswana.api().post(CERTIFICATES + "?wait=1s", certificate(3), "Idempotency-Key", key),
        422,
        "idempotency/key-reused");
    problem(
        botswana.api().post(CERTIFICATES + "/validation", certificate(3), "Idempotency-Key", key),
        422,
        "idempotency/key-reused");
    assertThat(certificates()).isEqualTo(1);
  }

  @Test
  void aMalformedKeyIsRefusedAndRunsNothing() {
    // (Blank and non-ASCII keys do not reach the server from every client or through Tomcat;
    // the unit test covers them.)
    for (String bad : List.of("x".repeat(256), "a\"b", "a\\b", "\"\"")) {
      Answer a = botswana.api().post(CERTIFICATES, certificate(3), "Idempotency-Key", bad);
      assertThat(a.status()).as(bad).isEqualTo(400);
      problem(a, 400, "idempotency/bad-key");
    }
    assertThat(certificates()).isZero();
    assertThat(
            botswana
                .api()
                .post(CERTIFICATES, certificate(3), "Idempotency-Key", "x".repeat(255))
                .status())
        .isEqualTo(201);
  }

  @Test
  void concurrentRetriesRunTheActionOnce() throws Exception {
    String key = key();
    int n = 6;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Answer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return botswana.api().post(CERTIFICATES, certificate(3), "Idempotency-Key", key);
                }));
      }
      start.countDown();
      int created = 0;
      int replayed = 0;
      int inProgress = 0;
      String body = null;
      for (Future<Answer> f : answers) {
        Answer a = f.get();
        if (a.status() == 201 && header(a, "Idempotent-Replayed").isEmpty()) {
          created++;
          body = a.body();
        } else if (a.status() == 201) {
          replayed++;
        } else {
          problem(a, 409, "idempotency/in-progress");
          inProgress++;
        }
      }
      assertThat(created).isEqualTo(1);
      assertThat(created + replayed + inProgress).isEqualTo(n);
      assertThat(certificates()).isEqualTo(1);
      Answer after = botswana.api().post(CERTIFICATES, certificate(3), "Idempotency-Key", key);
      assertThat(after.body()).isEqualTo(body);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void keysAreTheCallersOwn() {
    String key = key();
    Actor other = actor(OrganisationRole.KP_AUTHORITY, "BW");
    Answer mine = botswana.api().post(CERTIFICATES, certificate(3), "Idempotency-Key", key);
    Answer theirs = other.api().post(CERTIFICATES, certificate(3), "Idempotency-Key", key);
    assertThat(mine.status()).isEqualTo(201);
    assertThat(theirs.status()).isEqualTo(201);
    assertThat(header(theirs, "Idempotent-Replayed")).isEmpty();
    assertThat(theirs.json().get("number").asString())
        .isNotEqualTo(mine.json().get("number").asString());

    // A second account of the same organisation has its own keys too.
    String username = "t2-" + UUID.randomUUID().toString().substring(0, 8);
    accounts.create(
        botswana.id(), new NewAccount(username, "Second", "second password " + username, false));
    String token =
        anonymous()
            .post(
                "/api/v1/auth/token",
                Map.of("username", username, "password", "second password " + username))
            .json()
            .get("token")
            .asString();
    Answer colleague =
        anonymous().withToken(token).post(CERTIFICATES, certificate(3), "Idempotency-Key", key);
    assertThat(colleague.status()).isEqualTo(201);
    assertThat(header(colleague, "Idempotent-Replayed")).isEmpty();
    assertThat(certificates()).isEqualTo(3);
  }

  @Test
  void refusalsAreReplayedToo() {
    String key = key();
    Map<String, Object> bad = certificate(0);
    Answer first = botswana.api().post(CERTIFICATES, bad, "Idempotency-Key", key);
    assertThat(first.status()).as(first.body()).isEqualTo(422);
    Answer again = botswana.api().post(CERTIFICATES, bad, "Idempotency-Key", key);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(header(again, "Idempotent-Replayed")).isEqualTo("true");
  }

  @Test
  void keysExpireAndArePurged() {
    String key = key();
    assertThat(botswana.api().post(CERTIFICATES, certificate(3), "Idempotency-Key", key).status())
        .isEqualTo(201);
    clock.advance(Duration.ofHours(24).plusMinutes(1));
    Answer later = botswana.api().post(CERTIFICATES, certificate(3), "Idempotency-Key", key);
    assertThat(later.status()).as(later.body()).isEqualTo(201);
    assertThat(header(later, "Idempotent-Replayed")).isEmpty();
    assertThat(certificates()).isEqualTo(2);

    clock.advance(Duration.ofHours(25));
    assertThat(keys.purge(clock.instant())).isPositive();
    assertThat(
            jdbc.sql("select count(*) from idempotency_key where idem_key = :key")
                .param("key", key)
                .query(Long.class)
                .single())
        .isZero();
  }

  /** The key row a dead process would leave behind, {@code age} ago. */
  void leftBehind(String key, String state, Duration age) {
    Instant started = clock.instant().minus(age);
    String scope = "account:" + botswana.id() + ":" + botswana.username();
    jdbc.sql(
            """
            insert into idempotency_key
              (scope, idem_key, fingerprint, state, attempt, started_at, expires_at)
            values (:scope, :key, :fp, :state, :attempt, :started, :expires)
            """)
        .param("scope", scope)
        .param("key", key)
        .param(
            "fp",
            RequestFingerprint.of(
                "POST",
                CERTIFICATES,
                null,
                Api.JSON
                    .writeValueAsString(certificate(3))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .param("state", state)
        .param("attempt", UUID.randomUUID())
        .param("started", OffsetDateTime.ofInstant(started, ZoneOffset.UTC))
        .param(
            "expires", OffsetDateTime.ofInstant(started.plus(Duration.ofHours(24)), ZoneOffset.UTC))
        .update();
  }

  @Test
  void aKeyLeftInFlightByADeadProcessIsTakenOverAfterItsLease() {
    String key = key();
    leftBehind(key, "IN_FLIGHT", Duration.ofSeconds(5));
    problem(
        botswana.api().post(CERTIFICATES, certificate(3), "Idempotency-Key", key),
        409,
        "idempotency/in-progress");
    assertThat(certificates()).isZero();

    String stale = key();
    leftBehind(stale, "IN_FLIGHT", Duration.ofMinutes(3));
    Answer retried = botswana.api().post(CERTIFICATES, certificate(3), "Idempotency-Key", stale);
    assertThat(retried.status()).as(retried.body()).isEqualTo(201);
    assertThat(certificates()).isEqualTo(1);
  }

  @Test
  void aKeyWhoseActionTookEffectWithoutAnAnswerIsNeverRunAgain() {
    String key = key();
    leftBehind(key, "EFFECTED", Duration.ofMinutes(3));
    problem(
        botswana.api().post(CERTIFICATES, certificate(3), "Idempotency-Key", key),
        409,
        "idempotency/outcome-unknown");
    assertThat(certificates()).isZero();
  }

  @Test
  void theActionsTransactionMarksTheKeyBeforeTheAnswerIsKept() {
    String key = key();
    assertThat(botswana.api().post(CERTIFICATES, certificate(3), "Idempotency-Key", key).status())
        .isEqualTo(201);
    // Taken over by nobody, marked and then completed: the row is DONE with the answer.
    assertThat(
            jdbc.sql("select state from idempotency_key where idem_key = :key")
                .param("key", key)
                .query(String.class)
                .single())
        .isEqualTo("DONE");
  }
}

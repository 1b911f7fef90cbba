package org.kimberlite.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.support.Actors;
import org.kimberlite.support.Actors.Actor;
import org.kimberlite.support.Api;
import org.kimberlite.support.Api.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * No secret reaches a log line: passwords (right and wrong), bearer tokens, the master key. The
 * server logs at DEBUG while accounts sign in, fail, get throttled, use and list tokens, rotate a
 * signing key and issue a certificate; then every line it printed is searched for each secret.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "kimberlite.data-dir=target/it-data-log-secrets",
      "logging.level.org.kimberlite=DEBUG",
      "logging.level.org.springframework.security=DEBUG",
      "logging.level.org.springframework.web=DEBUG",
      "kimberlite.keys.master-key=" + LogSecretsH2IT.MASTER_KEY
    })
class LogSecretsH2IT {
  /** A master key for this test alone (base64 of 32 bytes), so its text can be looked for. */
  static final String MASTER_KEY = "bG9nLXNlY3JldHMtdGVzdC1tYXN0ZXIta2V5LTMyYnk=";

  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:log-secrets-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
  }

  @Test
  void noPasswordTokenOrKeyIsEverLogged(CapturedOutput output) {
    Api anonymous = new Api("http://127.0.0.1:" + port);
    Actors actors = new Actors(organisations, accounts, anonymous);
    Actor authority = actors.create(OrganisationRole.KP_AUTHORITY, "BW");
    Actor trader = actors.create(OrganisationRole.TRADER, "BE");
    List<String> secrets = new ArrayList<>(List.of(authority.password(), trader.password()));

    // A fresh token, used and listed.
    Answer issued =
        anonymous.post(
            "/api/v1/auth/token",
            Map.of("username", trader.username(), "password", trader.password()));
    assertThat(issued.status()).as(issued.body()).isIn(200, 201);
    String token = issued.json().get("token").asString();
    secrets.add(token);
    Api traderApi = anonymous.withToken(token);
    assertThat(traderApi.get("/api/v1/me").status()).isEqualTo(200);
    assertThat(traderApi.get("/api/v1/auth/tokens").status()).isEqualTo(200);
    // A wrong token, and a token in the query string where it does not belong.
    String forged = "kbl_" + "x".repeat(40);
    secrets.add(forged);
    assertThat(anonymous.withToken(forged).get("/api/v1/me").status()).isEqualTo(401);

    // Wrong passwords until the account is throttled, then the right one while throttled.
    String wrong = "wrong-password-" + token.substring(4, 12);
    secrets.add(wrong);
    for (int i = 0; i < 7; i++) {
      anonymous.post(
          "/api/v1/auth/token", Map.of("username", authority.username(), "password", wrong));
    }
    Answer throttled =
        anonymous.post(
            "/api/v1/auth/token",
            Map.of("username", authority.username(), "password", authority.password()));
    assertThat(throttled.status()).isEqualTo(429);

    // The authority rotates its signing key and signs a validation of a certificate.
    assertThat(authority.api().post("/api/v1/signing-keys/rotation", Map.of()).status())
        .isLessThan(500);
    assertThat(
            authority
                .api()
                .post("/api/v1/certificates/validation", Map.of("importingParticipant", "EU"))
                .status())
        .isLessThan(500);

    secrets.add(MASTER_KEY);
    String logged = output.getAll();
    assertThat(logged).as("the server logged at DEBUG during the test").contains("DEBUG");
    for (String secret : secrets) {
      assertThat(logged).as("a secret in the logs").doesNotContain(secret);
    }
    // No bearer token of any kind, whoever it belongs to.
    Matcher anyToken = Pattern.compile("kbl_[A-Za-z0-9_-]{16,}").matcher(logged);
    assertThat(anyToken.find()).as("a bearer token in the logs").isFalse();
  }
}

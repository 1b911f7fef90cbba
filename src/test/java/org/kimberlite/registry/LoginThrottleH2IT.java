package org.kimberlite.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kimberlite.support.Api;
import org.kimberlite.support.Api.Answer;
import org.kimberlite.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Password guessing over HTTP is slowed: after five wrong passwords the token endpoint and the
 * sign-in form answer 429 with Retry-After, even for the right password, until the wait is over.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "kimberlite.data-dir=target/it-data")
class LoginThrottleH2IT {
  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;
  @Autowired TestClock clock;

  @TestConfiguration
  static class Time {
    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock();
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:throttle-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
  }

  Api anonymous() {
    return new Api("http://127.0.0.1:" + port);
  }

  record Login(String username, String password) {}

  Login account() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Organisation o =
        organisations.registerSeed(
            new NewOrganisation(
                "Throttle " + suffix,
                org.kimberlite.shared.CountryCode.of("BW"),
                Set.of(OrganisationRole.KP_AUTHORITY),
                null,
                null));
    Login login = new Login("th-" + suffix, "right password " + suffix);
    accounts.create(
        o.id(), new NewAccount(login.username(), "Tester " + suffix, login.password(), true));
    return login;
  }

  Answer token(String username, String password) {
    return anonymous()
        .post("/api/v1/auth/token", Map.of("username", username, "password", password));
  }

  @Test
  void theTokenEndpointThrottlesAnAccountAfterFiveWrongPasswords() {
    Login login = account();
    for (int i = 1; i <= 5; i++) {
      assertThat(token(login.username(), "wrong " + i).status()).as("failure %d", i).isEqualTo(401);
    }
    Answer throttled = token(login.username(), "wrong 6");
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.contentType()).startsWith("application/problem+json");
    assertThat(throttled.json().get("type").asString()).isEqualTo("/problems/too-many-requests");
    long retryAfter =
        Long.parseLong(throttled.raw().headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 30L);

    // The right password is refused too while the account waits (and no hash is checked).
    assertThat(token(login.username(), login.password()).status()).isEqualTo(429);
    // The username is compared as sign-in compares it.
    assertThat(token(login.username().toUpperCase(), login.password()).status()).isEqualTo(429);

    clock.advance(Duration.ofSeconds(retryAfter));
    Answer accepted = token(login.username(), login.password());
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);

    // The success cleared the count: five more failures are allowed.
    for (int i = 1; i <= 5; i++) {
      assertThat(token(login.username(), "again " + i).status()).isEqualTo(401);
    }
    assertThat(token(login.username(), "again 6").status()).isEqualTo(429);
    clock.advance(Duration.ofMinutes(16));
  }

  @Test
  void theSignInFormIsThrottledToo() throws Exception {
    Login login = account();
    Form form = new Form();
    for (int i = 1; i <= 5; i++) {
      HttpResponse<String> failed = form.signIn(login.username(), "wrong " + i);
      assertThat(failed.statusCode()).isEqualTo(302);
      assertThat(failed.headers().firstValue("Location").orElse("")).contains("/login?error");
    }
    HttpResponse<String> throttled = form.signIn(login.username(), login.password());
    assertThat(throttled.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 30L);
    assertThat(throttled.body()).contains("Too many");

    clock.advance(Duration.ofSeconds(retryAfter));
    HttpResponse<String> signedIn = form.signIn(login.username(), login.password());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    clock.advance(Duration.ofMinutes(16));
  }

  /** A browser-like client: a cookie jar and the form's CSRF token. */
  final class Form {
    final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpResponse<String> signIn(String username, String password)
        throws IOException, InterruptedException {
      HttpResponse<String> page =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                  .header("Accept", "text/html")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page.body());
      assertThat(csrf.find()).as("CSRF field on the sign-in page").isTrue();
      String body =
          "username="
              + URLEncoder.encode(username, StandardCharsets.UTF_8)
              + "&password="
              + URLEncoder.encode(password, StandardCharsets.UTF_8)
              + "&_csrf="
              + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
      return client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Accept", "text/html")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .timeout(Duration.ofSeconds(30))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}

package org.kimberlite.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.support.H2Memory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Behind a TLS-terminating proxy on a trusted address, the browser's connection is HTTPS: the
 * session and CSRF cookies carry {@code Secure} and HSTS is sent. Over plain HTTP they do not (a
 * Secure cookie would never come back). {@link UntrustedProxyH2IT} checks that the forwarded header
 * counts only from a trusted proxy.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "kimberlite.data-dir=target/it-data")
class SecureCookiesH2IT {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> H2Memory.url("secure-cookies-it"));
  }

  /** What one sign-in through the form set: every Set-Cookie line and the HSTS header. */
  record SignIn(List<String> cookies, List<String> hsts, int status) {}

  @Test
  void cookiesAreSecureWhenTheProxySaysTheConnectionIsHttps() throws Exception {
    SignIn https = signIn(port, organisations, accounts, List.of("X-Forwarded-Proto", "https"));
    assertThat(https.status()).isEqualTo(302);
    assertThat(cookie(https, "XSRF-TOKEN")).contains("Secure");
    assertThat(cookie(https, "JSESSIONID")).contains("Secure").contains("HttpOnly");
    assertThat(https.hsts()).isNotEmpty();
  }

  @Test
  void plainHttpGetsCookiesWithoutSecureAndNoHsts() throws Exception {
    SignIn http = signIn(port, organisations, accounts, List.of());
    assertThat(http.status()).isEqualTo(302);
    assertThat(cookie(http, "XSRF-TOKEN")).doesNotContain("Secure");
    assertThat(cookie(http, "JSESSIONID")).doesNotContain("Secure").contains("HttpOnly");
    assertThat(http.hsts()).isEmpty();
  }

  static String cookie(SignIn signIn, String name) {
    return signIn.cookies().stream()
        .filter(c -> c.startsWith(name + "="))
        .filter(c -> !c.startsWith(name + "=;"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + signIn.cookies()));
  }

  /** Signs in through the form with the given extra headers, carrying cookies by hand. */
  static SignIn signIn(
      int port, Organisations organisations, Accounts accounts, List<String> headers)
      throws IOException, InterruptedException {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Organisation o =
        organisations.registerSeed(
            new NewOrganisation(
                "Cookies " + suffix,
                CountryCode.of("BW"),
                Set.of(OrganisationRole.KP_AUTHORITY),
                null,
                null));
    String password = "right password " + suffix;
    accounts.create(o.id(), new NewAccount("ck-" + suffix, "Tester " + suffix, password, true));

    List<String> cookies = new ArrayList<>();
    List<String> hsts = new ArrayList<>();
    HttpResponse<String> page =
        CLIENT.send(
            with(headers, request(port, "/login").header("Accept", "text/html")).build(),
            HttpResponse.BodyHandlers.ofString());
    cookies.addAll(page.headers().allValues("Set-Cookie"));
    hsts.addAll(page.headers().allValues("Strict-Transport-Security"));
    Matcher csrf = CSRF.matcher(page.body());
    assertThat(csrf.find()).as("CSRF field on the sign-in page").isTrue();
    String jar =
        String.join("; ", cookies.stream().map(c -> c.substring(0, c.indexOf(';'))).toList());
    String body =
        "username="
            + URLEncoder.encode("ck-" + suffix, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> posted =
        CLIENT.send(
            with(
                    headers,
                    request(port, "/login")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .header("Cookie", jar)
                        .POST(HttpRequest.BodyPublishers.ofString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    cookies.addAll(posted.headers().allValues("Set-Cookie"));
    hsts.addAll(posted.headers().allValues("Strict-Transport-Security"));
    String location = posted.headers().firstValue("Location").orElse("");
    assertThat(location).as("signed in, not sent back to the form").doesNotContain("error");
    return new SignIn(cookies, hsts, posted.statusCode());
  }

  private static HttpRequest.Builder request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30));
  }

  private static HttpRequest.Builder with(List<String> headers, HttpRequest.Builder b) {
    for (int i = 0; i + 1 < headers.size(); i += 2) {
      b.header(headers.get(i), headers.get(i + 1));
    }
    return b;
  }
}

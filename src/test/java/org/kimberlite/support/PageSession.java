package org.kimberlite.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session with the pages, without a browser: its cookies and the CSRF token its pages
 * carry, signed in through the login form as a person would.
 */
public record PageSession(HttpClient client, String base, String csrf) {

  /** Signs {@code username} in at {@code base} (e.g. {@code http://127.0.0.1:8080}). */
  public static PageSession signIn(String base, String username, String password) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    PageSession anonymous = new PageSession(client, base, "");
    Matcher field =
        Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
            .matcher(anonymous.get("/login", "en").body());
    assertThat(field.find()).isTrue();
    PageSession signingIn = new PageSession(client, base, field.group(1));
    assertThat(
            signingIn
                .post("/login", "username=" + enc(username) + "&password=" + enc(password))
                .statusCode())
        .isEqualTo(302);
    Matcher meta =
        Pattern.compile("name=\"csrf-token\"\\s+content=\"([^\"]+)\"")
            .matcher(signingIn.get("/", "en").body());
    assertThat(meta.find()).isTrue();
    return new PageSession(client, base, meta.group(1));
  }

  /** A page in {@code language}. */
  public HttpResponse<String> get(String path, String language) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", "text/html")
            .header("Accept-Language", language)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A form posted with the session's CSRF token. */
  public HttpResponse<String> post(String path, String form) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(csrf)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** {@code s} encoded for a form. */
  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

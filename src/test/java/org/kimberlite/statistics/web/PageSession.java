package org.kimberlite.statistics.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's session for the tests of pages: signed in through the login form, with cookies. */
public final class PageSession {
  private static final Pattern CSRF =
      Pattern.compile(
          "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|content=\"([^\"]+)\"[^>]*name=\"_csrf\"");
  private static final Pattern META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

  private final String base;
  private final HttpClient client;

  private PageSession(String base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A page as seen by the signed-in account: its status and body. */
  public record Page(int status, String body) {}

  public static PageSession signIn(String base, String username, String password) {
    PageSession s = new PageSession(base);
    String login = s.get("/login").body();
    Matcher m = CSRF.matcher(login);
    String token;
    if (m.find()) {
      token = m.group(1) != null ? m.group(1) : m.group(2);
    } else {
      Matcher meta = META.matcher(login);
      if (!meta.find()) {
        throw new IllegalStateException("no CSRF token on the login page");
      }
      token = meta.group(1);
    }
    String form =
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(token, StandardCharsets.UTF_8);
    HttpResponse<String> r =
        s.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    String location = r.headers().firstValue("Location").orElse("");
    if (r.statusCode() != 302 || location.contains("error")) {
      throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + location);
    }
    return s;
  }

  public Page get(String path) {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html")
                .GET()
                .build());
    return new Page(r.statusCode(), r.body());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

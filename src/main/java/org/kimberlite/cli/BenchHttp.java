package org.kimberlite.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The benchmark's HTTP client against the server child process, and its small helpers. */
final class BenchHttp {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String base;
  private final HttpClient http;
  private final Map<String, JsonNode> accounts = new HashMap<>();

  BenchHttp(String base) {
    this.base = base;
    this.http = client();
  }

  /** A client of its own (its own keep-alive connections), HTTP/1.1 as most tools use. */
  static HttpClient client() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  String base() {
    return base;
  }

  HttpClient http() {
    return http;
  }

  /** Reads the demo accounts the demo command wrote into its data folder. */
  void readAccounts(Path dataDir) throws IOException {
    for (JsonNode a : JSON.readTree(dataDir.resolve(DemoCommand.ACCOUNTS_FILE).toFile())) {
      accounts.put(a.path("username").asString(), a);
    }
  }

  String organisation(String username) {
    return account(username).path("organisationId").asString();
  }

  /** A demo account's password, for signing in through the login form. */
  String password(String username) {
    return account(username).path("password").asString();
  }

  private JsonNode account(String username) {
    JsonNode a = accounts.get(username);
    if (a == null) {
      throw new IllegalStateException("no demo account " + username);
    }
    return a;
  }

  /** A bearer token for a demo account. */
  String token(String username) throws IOException, InterruptedException {
    JsonNode a = account(username);
    String body =
        JSON.writeValueAsString(
            Map.of("username", username, "password", a.path("password").asString()));
    HttpResponse<String> r = post(http, "/api/v1/auth/token", "", "application/json", body);
    if (r.statusCode() != 201) {
      throw new IllegalStateException("cannot sign in as " + username + ": " + r.statusCode());
    }
    return JSON.readTree(r.body()).path("token").asString();
  }

  HttpResponse<String> post(
      HttpClient client, String path, String token, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(TIMEOUT)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (!token.isEmpty()) {
      b.header("Authorization", "Bearer " + token);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(HttpClient client, String path, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
    if (!token.isEmpty()) {
      b.header("Authorization", "Bearer " + token);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  String text(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = get(http, path, "");
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode());
    }
    return r.body();
  }

  byte[] bytes(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode());
    }
    return r.body();
  }

  /** Latencies in milliseconds, collected from several threads. */
  static final class Latencies {
    private final List<Double> millis = new ArrayList<>();

    synchronized void add(long nanos) {
      millis.add(nanos / 1e6);
    }

    synchronized int count() {
      return millis.size();
    }

    /** The p-quantile (0 < p ≤ 1, nearest rank), or NaN when empty. */
    synchronized double percentile(double p) {
      if (millis.isEmpty()) {
        return Double.NaN;
      }
      List<Double> sorted = new ArrayList<>(millis);
      Collections.sort(sorted);
      int rank = (int) Math.ceil(p * sorted.size());
      return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
  }
}

package org.kimberlite.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The steps of the federation demo, over HTTP against its running nodes, as an operator would take
 * them: publish the directory on the secretariat's node, wait for the other nodes to take it, issue
 * a certificate on the exporting node, wait for it to arrive incoming on the importing node,
 * confirm it there and wait for the exporting node to show it confirmed, wait for the checkpoints
 * to carry the peers' cosignatures. The three-node test takes the same steps.
 */
final class FederationWalk {
  /** How long one step may wait for the nodes, which poll each other every few seconds. */
  static final Duration PATIENCE = Duration.ofSeconds(180);

  /** The demo accounts that take the steps (docs/federation.md, federation demo). */
  static final String SECRETARIAT = "kp-secretariat";

  static final String EXPORTING_AUTHORITY = "kp-bw";
  static final String IMPORTING_AUTHORITY = "kp-eu-be";
  static final String EXPORTER = "gaborone-sorting";
  static final String IMPORTER = "schelde-rough";

  private FederationWalk() {}

  /** A step's check; null while what it waits for has not happened. */
  @FunctionalInterface
  interface Probe<T> {
    @Nullable T get() throws IOException, InterruptedException;
  }

  /** A node's client, with the demo accounts it wrote into its data folder. */
  static BenchHttp client(FederationDemoNode node) throws IOException {
    BenchHttp http = new BenchHttp(node.base());
    http.readAccounts(node.dataDir());
    return http;
  }

  /**
   * Publishes the directory on the secretariat's node, listing {@code nodes} with the identity each
   * serves at {@code GET /api/v1/federation/node} (its URL replaced when {@code urls} names another
   * for it); returns the signed directory.
   */
  static String publishDirectory(
      FederationDemoNode secretariat, List<FederationDemoNode> nodes, Map<String, String> urls)
      throws IOException, InterruptedException {
    List<Map<String, Object>> listed = new ArrayList<>();
    for (FederationDemoNode node : nodes) {
      JsonNode identity =
          BenchHttp.JSON.readTree(new BenchHttp(node.base()).text("/api/v1/federation/node"));
      listed.add(listing(identity, node, urls.getOrDefault(node.id(), node.base())));
    }
    BenchHttp http = client(secretariat);
    HttpResponse<String> r =
        http.http()
            .send(
                HttpRequest.newBuilder(
                        URI.create(secretariat.base() + "/api/v1/federation/directory"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + http.token(SECRETARIAT))
                    .header("Content-Type", "application/json")
                    .PUT(
                        HttpRequest.BodyPublishers.ofString(
                            BenchHttp.JSON.writeValueAsString(Map.of("nodes", listed))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException(
          "The secretariat's node refused the directory: " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  private static Map<String, Object> listing(
      JsonNode identity, FederationDemoNode node, String url) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", identity.path("nodeId").asString());
    m.put("operator", node.operator());
    m.put("url", url);
    m.put("logOrigin", identity.path("logOrigin").asString());
    m.put("logVkey", identity.path("logVkey").asString());
    m.put("trustListKey", identity.path("trustListKey").asString());
    m.put("participants", node.participants());
    m.put("witnessVkey", identity.path("witnessVkey").asString());
    Map<String, Object> key = new HashMap<>();
    key.put("kid", identity.path("kid").asString());
    key.put("x", identity.path("x").asString());
    // The node's transport key is made on its first start; listed as valid since well before.
    key.put("from", "2020-01-01T00:00:00Z");
    key.put("revokedAt", null);
    m.put("keys", List.of(key));
    return m;
  }

  /** The secretariat node's directory key: the {@code x} of its trust-list key. */
  static String directoryKey(FederationDemoNode secretariat)
      throws IOException, InterruptedException {
    return BenchHttp.JSON
        .readTree(new BenchHttp(secretariat.base()).text("/api/v1/federation/node"))
        .path("trustListKey")
        .asString();
  }

  /** Waits until {@code node} goes by the directory {@code jws} (it fetches it by itself). */
  static void awaitDirectory(FederationDemoNode node, String jws)
      throws IOException, InterruptedException {
    BenchHttp http = new BenchHttp(node.base());
    await(
        node.id() + " to fetch the directory",
        () -> {
          HttpResponse<String> r = http.get(http.http(), "/api/v1/federation/directory", "");
          return r.statusCode() == 200 && r.body().equals(jws) ? Boolean.TRUE : null;
        });
  }

  /**
   * Issues a certificate on the exporting node, signed in as its authority, for rough from its
   * exporter to the importer of {@code importingParticipant}; returns its number.
   */
  static String issue(FederationDemoNode exporting, String importingParticipant, String carats)
      throws IOException, InterruptedException {
    BenchHttp http = client(exporting);
    LocalDate today = LocalDate.now(Clock.systemUTC().withZone(ZoneOffset.UTC));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("exporter", http.organisation(EXPORTER));
    body.put("importer", http.organisation(IMPORTER));
    body.put("importingParticipant", importingParticipant);
    body.put("origin", Map.of("kind", "single", "countries", List.of("BW")));
    body.put(
        "lines", List.of(Map.of("hsCode", "7102.31", "carats", carats, "valueUsd", "187560.00")));
    body.put("parcels", 3);
    body.put("sealId", "SEAL-FED-001");
    body.put("issuedOn", today.toString());
    body.put("expiresOn", today.plusDays(30).toString());
    HttpResponse<String> r =
        http.post(
            http.http(),
            "/api/v1/certificates",
            http.token(EXPORTING_AUTHORITY),
            "application/json",
            BenchHttp.JSON.writeValueAsString(body));
    if (r.statusCode() != 201) {
      throw new IllegalStateException(
          "The certificate was not issued: " + r.statusCode() + " " + r.body());
    }
    return BenchHttp.JSON.readTree(r.body()).path("number").asString();
  }

  /** The certificates other nodes delivered to {@code importing}, as its authority reads them. */
  static JsonNode incoming(FederationDemoNode importing) throws IOException, InterruptedException {
    BenchHttp http = client(importing);
    HttpResponse<String> r =
        http.get(
            http.http(), "/api/v1/federation/incoming?limit=500", http.token(IMPORTING_AUTHORITY));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("incoming answered " + r.statusCode() + " " + r.body());
    }
    return BenchHttp.JSON.readTree(r.body());
  }

  /** Waits until {@code number} is listed incoming on {@code importing}; returns its listing. */
  static JsonNode awaitIncoming(FederationDemoNode importing, String number)
      throws IOException, InterruptedException {
    return await(
        number + " to arrive on " + importing.id(),
        () -> {
          for (JsonNode c : incoming(importing)) {
            if (c.path("number").asString().equals(number)) {
              return c;
            }
          }
          return null;
        });
  }

  /**
   * Confirms the receipt of {@code incoming} (its listing on the importing node) as the importing
   * authority, on its own node, with the parcels, carats, parties and seal its record certifies.
   */
  static void confirm(FederationDemoNode importing, JsonNode incoming)
      throws IOException, InterruptedException {
    JsonNode record = BenchHttp.JSON.readTree(incoming.path("record").asString());
    String number = incoming.path("number").asString();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("parcels", record.path("parcels").asInt());
    body.put("carats", record.path("carats").asString());
    body.put("importer", record.path("importer").path("id").asString());
    body.put("exporter", record.path("exporter").path("id").asString());
    body.put("sealId", record.path("sealId").asString());
    body.put("receivedOn", LocalDate.now(Clock.systemUTC().withZone(ZoneOffset.UTC)).toString());
    BenchHttp http = client(importing);
    HttpResponse<String> r =
        http.post(
            http.http(),
            "/api/v1/federation/incoming/" + number + "/confirmation",
            http.token(IMPORTING_AUTHORITY),
            "application/json",
            BenchHttp.JSON.writeValueAsString(body));
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          number + " was not confirmed: " + r.statusCode() + " " + r.body());
    }
  }

  /** Waits until the exporting node shows {@code number} with {@code status}. */
  static void awaitStatus(FederationDemoNode exporting, String number, String status)
      throws IOException, InterruptedException {
    BenchHttp http = client(exporting);
    String token = http.token(EXPORTING_AUTHORITY);
    await(
        number + " to be " + status + " on " + exporting.id(),
        () -> {
          HttpResponse<String> r = http.get(http.http(), "/api/v1/certificates/" + number, token);
          return r.statusCode() == 200
                  && BenchHttp.JSON.readTree(r.body()).path("status").asString().equals(status)
              ? Boolean.TRUE
              : null;
        });
  }

  /**
   * Waits until the secretariat's global figures of this year, assembled from the other nodes'
   * signed statistics documents, hold at least {@code carats} exported by {@code exporter} and
   * imported by {@code importer}; returns the figures.
   */
  static JsonNode awaitGlobalFigures(
      FederationDemoNode secretariat, String exporter, String importer, BigDecimal carats)
      throws IOException, InterruptedException {
    BenchHttp http = client(secretariat);
    String token = http.token(SECRETARIAT);
    int year = LocalDate.now(Clock.systemUTC().withZone(ZoneOffset.UTC)).getYear();
    return await(
        "the secretariat's global figures to hold "
            + exporter
            + "'s export and "
            + importer
            + "'s import",
        () -> {
          HttpResponse<String> r =
              http.get(http.http(), "/api/v1/federation/statistics/" + year, token);
          if (r.statusCode() != 200) {
            return null;
          }
          JsonNode figures = BenchHttp.JSON.readTree(r.body());
          return carats(figures, exporter, "exports").compareTo(carats) >= 0
                  && carats(figures, importer, "imports").compareTo(carats) >= 0
              ? figures
              : null;
        });
  }

  /** A participant's exported or imported carats in the global figures (0 when not there). */
  static BigDecimal carats(JsonNode figures, String participant, String direction) {
    for (JsonNode p : figures.path("participants")) {
      if (p.path("participant").asString().equals(participant)) {
        String c = p.path(direction).path("carats").asString();
        return c.isEmpty() ? BigDecimal.ZERO : new BigDecimal(c);
      }
    }
    return BigDecimal.ZERO;
  }

  /**
   * Waits until {@code node}'s checkpoint carries a cosignature of each of {@code witnesses}
   * (witness names); returns the signed checkpoint.
   */
  static String awaitCosigned(FederationDemoNode node, List<String> witnesses)
      throws IOException, InterruptedException {
    BenchHttp http = new BenchHttp(node.base());
    return await(
        node.id() + "'s checkpoint to be cosigned by " + String.join(", ", witnesses),
        () -> {
          String checkpoint = http.text("/log/checkpoint");
          return witnesses.stream().allMatch(w -> checkpoint.contains("\u2014 " + w + " "))
              ? checkpoint
              : null;
        });
  }

  /** Polls {@code probe} until it answers, for at most {@link #PATIENCE}. */
  @org.kimberlite.shared.SuppressForbidden("a command polling its child processes")
  static <T> T await(String what, Probe<T> probe) throws IOException, InterruptedException {
    Instant deadline = Clock.systemUTC().instant().plus(PATIENCE);
    while (true) {
      T answer;
      try {
        answer = probe.get();
      } catch (IOException notYet) {
        answer = null; // a node restarting
      }
      if (answer != null) {
        return answer;
      }
      if (Clock.systemUTC().instant().isAfter(deadline)) {
        throw new IllegalStateException("Gave up waiting for " + what);
      }
      Thread.sleep(250);
    }
  }
}

package org.kimberlite.cli;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.kimberlite.ledger.NoteVerifier;
import org.kimberlite.ledger.TlogProof;
import org.kimberlite.registry.Jwk;
import org.kimberlite.registry.OfflineVerifier;
import org.kimberlite.registry.TrustList;
import tools.jackson.databind.JsonNode;

/**
 * B3: KP certificates issued over HTTP by concurrent clients of the demo's Botswana authority
 * (validate, sign, store, log), then verified offline as a holder would: the authority's signature
 * against the trust list, and the issue entry's inclusion proof against the signed checkpoint. The
 * raw baseline is the same library's Ed25519 verification (Bouncy Castle) of the same signatures.
 */
final class BenchCertificates {
  static final String AUTHORITY = "kp-bw";
  private final Clock clock = Clock.systemUTC();
  private final String run;

  BenchCertificates(String run) {
    this.run = run;
  }

  /** An issued certificate: its number, the authority's JWS and its log entry's leaf hash. */
  record Issued(String number, String signature, byte[] leafHash) {}

  record IssueResult(
      long issued,
      double seconds,
      int failed,
      BenchHttp.Latencies latency,
      List<Issued> sample,
      List<String> problems) {
    double rate() {
      return issued / seconds;
    }
  }

  IssueResult issue(BenchHttp server, int clients, double seconds, int keep) throws Exception {
    String token = server.token(AUTHORITY);
    String exporter = server.organisation("gaborone-sorting");
    String importer = server.organisation("schelde-rough");
    AtomicLong issued = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    BenchHttp.Latencies latency = new BenchHttp.Latencies();
    ConcurrentLinkedQueue<Issued> sample = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      threads.add(
          Thread.ofPlatform()
              .name("bench-issue-" + c)
              .start(
                  () -> {
                    HttpClient http = BenchHttp.client();
                    int n = 0;
                    try {
                      while (System.nanoTime() < deadline) {
                        String body =
                            body(exporter, importer, "BENCH-" + run + "-" + client + "-" + n++);
                        long t0 = System.nanoTime();
                        HttpResponse<String> r =
                            server.post(
                                http, "/api/v1/certificates", token, "application/json", body);
                        if (r.statusCode() != 201) {
                          failed.incrementAndGet();
                          if (problems.size() < 5) {
                            problems.add("issue answered " + r.statusCode() + " " + r.body());
                          }
                          continue;
                        }
                        latency.add(System.nanoTime() - t0);
                        issued.incrementAndGet();
                        if (sample.size() < keep) {
                          JsonNode j = BenchHttp.JSON.readTree(r.body());
                          sample.add(
                              new Issued(
                                  j.path("number").asString(),
                                  j.path("signature").asString(),
                                  Base64.getDecoder()
                                      .decode(j.path("log").path("leafHash").asString())));
                        }
                      }
                    } catch (Exception e) {
                      problems.add("client stopped: " + e);
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    return new IssueResult(
        issued.get(),
        (System.nanoTime() - start) / 1e9,
        (int) failed.get(),
        latency,
        List.copyOf(sample),
        List.copyOf(problems));
  }

  private String body(String exporter, String importer, String seal) {
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> body = new HashMap<>();
    body.put("exporter", exporter);
    body.put("importer", importer);
    body.put("importingParticipant", "EU");
    body.put("origin", Map.of("kind", "single", "countries", List.of("BW")));
    body.put(
        "lines", List.of(Map.of("hsCode", "7102.31", "carats", "125.40", "valueUsd", "18756.00")));
    body.put("parcels", 2);
    body.put("sealId", seal);
    body.put("issuedOn", today.toString());
    body.put("expiresOn", today.plusDays(30).toString());
    return BenchHttp.JSON.writeValueAsString(body);
  }

  /** What an offline verifier holds for one certificate. */
  record Offline(Issued issued, String proof, byte[] signingInput, byte[] signature, byte[] key) {}

  record VerifyResult(double verifyRate, double rawRate, int certificates) {}

  /** Fetches the trust list, the log key and each sampled certificate's proof, then times. */
  @org.kimberlite.shared.SuppressForbidden("a benchmark waiting for the log to integrate")
  VerifyResult verify(BenchHttp server, List<Issued> sample, double seconds) throws Exception {
    TrustList trust =
        TrustList.parse(
            server.text("/api/v1/trust-list").strip(),
            Jwk.toPublicKey(Jwk.parsePublic(server.text("/api/v1/trust-list/key"))));
    NoteVerifier vkey = NoteVerifier.parse(server.text("/log/vkey").strip());
    List<Offline> all = new ArrayList<>();
    HttpClient http = BenchHttp.client();
    for (Issued i : sample) {
      HttpResponse<String> r = null;
      for (int attempt = 0; attempt < 100; attempt++) {
        r = server.get(http, "/api/v1/certificates/" + i.number() + "/proof", "");
        if (r.statusCode() != 409) {
          break;
        }
        Thread.sleep(100);
      }
      if (r == null || r.statusCode() != 200) {
        throw new IllegalStateException("no proof for " + i.number());
      }
      String jws = i.signature();
      int first = jws.indexOf('.');
      int second = jws.indexOf('.', first + 1);
      JsonNode header =
          BenchHttp.JSON.readTree(Base64.getUrlDecoder().decode(jws.substring(0, first)));
      byte[] key =
          trust
              .key(header.path("kid").asString())
              .orElseThrow(() -> new IllegalStateException("key not in the trust list"))
              .publicKey();
      all.add(
          new Offline(
              i,
              r.body(),
              jws.substring(0, second).getBytes(StandardCharsets.US_ASCII),
              Base64.getUrlDecoder().decode(jws.substring(second + 1)),
              key));
    }
    if (all.isEmpty()) {
      throw new IllegalStateException("no certificate to verify");
    }
    String origin = vkey.name();
    List<NoteVerifier> keys = List.of(vkey);
    Timed offline =
        () -> {
          for (Offline o : all) {
            OfflineVerifier.verify(o.issued().signature(), trust);
            TlogProof.verify(TlogProof.parse(o.proof()), o.issued().leafHash(), origin, keys);
          }
        };
    Timed raw =
        () -> {
          for (Offline o : all) {
            if (!org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
                o.signature(), 0, o.key(), 0, o.signingInput(), 0, o.signingInput().length)) {
              throw new IllegalStateException("a raw signature does not verify");
            }
          }
        };
    // Warm both up, then alternate so that background load falls on both alike.
    rate(offline, all.size(), Math.min(1.0, seconds / 2));
    rate(raw, all.size(), Math.min(1.0, seconds / 2));
    double v = 0;
    double w = 0;
    for (int round = 0; round < 2; round++) {
      v += rate(offline, all.size(), seconds / 2);
      w += rate(raw, all.size(), seconds / 2);
    }
    return new VerifyResult(v / 2, w / 2, all.size());
  }

  @FunctionalInterface
  interface Timed {
    void pass();
  }

  /** Runs passes for about {@code seconds}; answers items per second. */
  static double rate(Timed timed, int perPass, double seconds) {
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    long items = 0;
    do {
      timed.pass();
      items += perPass;
    } while (System.nanoTime() < deadline);
    return items / ((System.nanoTime() - start) / 1e9);
  }
}

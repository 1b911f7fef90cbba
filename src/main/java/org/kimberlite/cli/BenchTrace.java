package org.kimberlite.cli;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.kimberlite.custody.demo.CustodyDemo;
import tools.jackson.databind.JsonNode;

/**
 * B4: the provenance trace of the demo's retail pieces, upstream to the mines, asked by the
 * retailer that holds each over HTTP ({@code GET /api/v1/provenance}), from concurrent clients.
 */
final class BenchTrace {
  /** Concurrent clients: a latency figure, so fewer than the machine's cores would serve. */
  static final int CLIENTS = 2;

  /** Demo retailers; each piece is traced by whichever of them may read it. */
  static final List<String> RETAILERS = List.of("carat-crown", "maison-etoile");

  /** A piece, the path of its trace and a token that may read it; its depth and nodes. */
  record Piece(String epc, String path, String token, int depth, int nodes) {}

  record Result(
      BenchHttp.Latencies latencies,
      long requests,
      long failed,
      double seconds,
      List<Piece> pieces,
      List<String> problems) {
    double rate() {
      return seconds > 0 ? requests / seconds : 0;
    }

    int deepest() {
      return pieces.stream().mapToInt(Piece::depth).max().orElse(0);
    }
  }

  private final BenchHttp server;
  private final List<Piece> pieces = new ArrayList<>();

  BenchTrace(BenchHttp server) {
    this.server = server;
  }

  /** Finds, for each demo retail piece, a retailer that may trace it. */
  void findPieces() throws IOException, InterruptedException {
    List<String> tokens = new ArrayList<>();
    for (String retailer : RETAILERS) {
      tokens.add(server.token(retailer));
    }
    for (String epc : CustodyDemo.RETAIL_PIECES) {
      String path =
          "/api/v1/provenance?direction=upstream&epc="
              + URLEncoder.encode(epc, StandardCharsets.UTF_8);
      for (String token : tokens) {
        HttpResponse<String> r = server.get(server.http(), path, token);
        if (r.statusCode() == 200) {
          JsonNode trace = BenchHttp.JSON.readTree(r.body());
          int depth = 0;
          for (JsonNode n : trace.path("nodes")) {
            depth = Math.max(depth, n.path("depth").asInt());
          }
          pieces.add(new Piece(epc, path, token, depth, trace.path("nodes").size()));
          break;
        }
      }
    }
    if (pieces.isEmpty()) {
      throw new IllegalStateException("no demo retail piece could be traced by its retailer");
    }
  }

  List<Piece> pieces() {
    return List.copyOf(pieces);
  }

  /** Traces the pieces in turn from {@code clients} clients for {@code seconds}. */
  Result run(int clients, double seconds) throws InterruptedException {
    BenchHttp.Latencies latencies = new BenchHttp.Latencies();
    AtomicLong requests = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int first = c;
      threads.add(
          Thread.ofPlatform()
              .name("bench-trace-" + c)
              .start(
                  () -> {
                    HttpClient http = BenchHttp.client();
                    int i = first;
                    try {
                      while (System.nanoTime() < deadline) {
                        Piece p = pieces.get(i++ % pieces.size());
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = server.get(http, p.path(), p.token());
                        latencies.add(System.nanoTime() - t0);
                        requests.incrementAndGet();
                        if (r.statusCode() != 200) {
                          failed.incrementAndGet();
                          if (problems.size() < 5) {
                            problems.add("trace answered " + r.statusCode());
                          }
                        }
                      }
                    } catch (IOException e) {
                      problems.add("client stopped: " + e);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    return new Result(
        latencies,
        requests.get(),
        failed.get(),
        (System.nanoTime() - start) / 1e9,
        pieces(),
        List.copyOf(problems));
  }
}

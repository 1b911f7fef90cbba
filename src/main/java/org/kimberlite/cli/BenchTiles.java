package org.kimberlite.cli;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * B6: public log reads over loopback (a full hash tile, an entry bundle, the checkpoint) by
 * keep-alive clients, against the same bytes served as static files by the JDK's own file server in
 * this JVM (nginx is not assumed on the machine).
 */
@org.kimberlite.shared.SuppressForbidden(
    "the JDK's supported, exported file server (module jdk.httpserver) is the static baseline")
final class BenchTiles {
  private BenchTiles() {}

  /** A path of the log and its bytes as the server answered them. */
  record Resource(String name, String path, byte[] bytes) {}

  /** The read paths: the first full level-0 tile and entry bundle when the log has 256 entries. */
  static List<Resource> resources(BenchHttp server) throws IOException, InterruptedException {
    List<Resource> out = new ArrayList<>();
    String checkpoint = server.text("/log/checkpoint");
    long size = Long.parseLong(checkpoint.lines().skip(1).findFirst().orElse("0").strip());
    if (size >= 256) {
      out.add(new Resource("full tile", "/log/tile/0/000", server.bytes("/log/tile/0/000")));
      out.add(
          new Resource(
              "entry bundle", "/log/tile/entries/000", server.bytes("/log/tile/entries/000")));
    }
    out.add(new Resource("checkpoint", "/log/checkpoint", server.bytes("/log/checkpoint")));
    return out;
  }

  /** Serves {@code resources} from files under a temporary folder; the caller stops it. */
  static HttpServer staticServer(Path dir, List<Resource> resources, ExecutorService executor)
      throws IOException {
    // Without TCP_NODELAY the JDK's server waits for delayed ACKs on keep-alive connections
    // (about 40 ms per response larger than a packet): that would measure the kernel, not serving.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    for (Resource r : resources) {
      Path file = dir.resolve(r.path().substring(1));
      Files.createDirectories(file.getParent());
      Files.write(file, r.bytes());
    }
    HttpServer server =
        SimpleFileServer.createFileServer(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            dir.toAbsolutePath(),
            SimpleFileServer.OutputLevel.NONE);
    server.setExecutor(executor);
    server.start();
    return server;
  }

  /** GETs {@code base + path} from {@code clients} keep-alive clients for {@code seconds}. */
  static double[] hammer(String base, String path, int clients, double seconds, int expected)
      throws InterruptedException {
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      threads.add(
          Thread.ofPlatform()
              .name("bench-read-" + c)
              .start(
                  () -> {
                    HttpClient http = BenchHttp.client();
                    HttpRequest request =
                        HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(30))
                            .build();
                    while (System.nanoTime() < deadline) {
                      try {
                        HttpResponse<byte[]> r =
                            http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() == 200 && r.body().length == expected) {
                          ok.incrementAndGet();
                        } else {
                          failed.incrementAndGet();
                        }
                      } catch (IOException e) {
                        failed.incrementAndGet();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                      }
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    return new double[] {ok.get() / ((System.nanoTime() - start) / 1e9), failed.get()};
  }

  /** Both servers, one path after the other, each warmed up first. */
  static List<BenchRow> run(BenchHttp server, Path dir, int clients, double seconds)
      throws IOException, InterruptedException {
    List<Resource> resources = resources(server);
    List<BenchRow> rows = new ArrayList<>();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      HttpServer files = staticServer(dir, resources, executor);
      try {
        String staticBase = "http://127.0.0.1:" + files.getAddress().getPort();
        int part = 0;
        for (Resource r : resources) {
          hammer(server.base(), r.path(), clients, Math.min(2, seconds / 2), r.bytes().length);
          hammer(staticBase, r.path(), clients, Math.min(2, seconds / 2), r.bytes().length);
          double[] platform = hammer(server.base(), r.path(), clients, seconds, r.bytes().length);
          double[] raw = hammer(staticBase, r.path(), clients, seconds, r.bytes().length);
          rows.add(
              BenchRow.atLeast(
                  "B6." + (char) ('a' + part++),
                  r.name() + " reads over loopback (" + r.path() + ", " + r.bytes().length + " B)",
                  platform[0],
                  "req/s",
                  raw[0],
                  "the JDK's SimpleFileServer (virtual threads) serving the same bytes in the"
                      + " bench JVM",
                  20_000,
                  0.5,
                  clients
                      + " keep-alive HTTP/1.1 clients, "
                      + seconds
                      + " s each; failed answers: platform "
                      + (long) platform[1]
                      + ", static "
                      + (long) raw[1]
                      + "."));
        }
      } finally {
        files.stop(0);
      }
    }
    return rows;
  }
}

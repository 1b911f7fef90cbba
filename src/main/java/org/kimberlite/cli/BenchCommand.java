package org.kimberlite.cli;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The performance suite (B1 … B8 of docs/BENCHMARKS.md). The parts over HTTP run against the
 * platform as a child process ({@code demo} on a fresh data folder, over loopback); the log and
 * statistics parts run in this JVM on a platform without its web server. Every figure with a raw
 * baseline measures that baseline in the same run. Prints a table and writes JSON under {@code
 * target/bench/}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Run the performance suite (B1 capture, B2 log, B3 certificates, B5 statistics, B6 log"
            + " reads, B7 footprint) against raw baselines; table on the console, JSON under"
            + " target/bench/.")
final class BenchCommand implements Callable<Integer> {
  static final List<String> IDS = List.of("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8");

  @Option(names = "--database", description = "h2 (default) or postgres (a throwaway cluster).")
  String database = "h2";

  @Option(names = "--quick", description = "Short phases and small sizes (under 5 minutes).")
  boolean quick;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "ID",
      description = "Run only these benchmarks, e.g. --only B1,B3 (default: all).")
  List<String> only = new ArrayList<>();

  @Option(
      names = "--duration",
      description = "Seconds of each sustained HTTP phase (default 60; 10 with --quick).")
  @Nullable Double duration;

  @Option(names = "--clients", description = "Concurrent HTTP clients of B3 and B6 (default 8).")
  int clients = 8;

  @Option(
      names = "--capture-clients",
      description = "Concurrent capture clients of B1 (default 4; the server has one worker).")
  int captureClients = 4;

  @Option(
      names = "--events-per-document",
      description = "Events in each B1 capture document (default 100).")
  int eventsPerDocument = 100;

  @Option(
      names = "--entries",
      description = "B2: records committed in the throughput phase (default 20000; 5000 quick).")
  @Nullable Integer entries;

  @Option(names = "--writers", description = "B2: concurrent writer threads (default 8).")
  int writers = 8;

  @Option(
      names = "--samples",
      description = "B2: single records timed from commit to proof (default 200; 50 quick).")
  @Nullable Integer samples;

  @Option(
      names = "--statistics",
      description =
          "B5: certificates under the annual summary (default 100000; 10000 quick; 0 skips B5).")
  @Nullable Integer statistics;

  @Option(
      names = "--findings",
      description =
          "B5.b: findings under the due-diligence inbox (default 1000000; 100000 quick; 0 skips"
              + " B5.b).")
  @Nullable Integer findings;

  @Option(
      names = "--db-url",
      description =
          "B2/B5 only: run the in-process part against this database (user from"
              + " KIMBERLITE_DB_USER) instead of a fresh one.")
  String dbUrl = "";

  @Option(
      names = "--server-heap",
      description = "Maximum heap of the server child process (default 512m).")
  String serverHeap = "512m";

  @Option(
      names = "--server-jvm-option",
      description =
          "An extra JVM option of the server child process, repeatable (for a profiler, e.g."
              + " -XX:StartFlightRecording=filename=server.jfr,settings=profile).")
  List<String> serverJvmOptions = new ArrayList<>();

  @Option(
      names = "--growth-events",
      description =
          "B8: events captured to grow the store before B1 and B4 run again (default 1,000,000;"
              + " 50,000 with --quick).")
  long growthEvents = -1;

  @Option(
      names = "--growth-events-per-document",
      description =
          "B8: events in each document that grows the store (default 100, as B1's; the same path"
              + " and checks whatever the size).")
  int growthEventsPerDocument = 100;

  @Option(names = "--out", description = "Folder of the JSON results (default target/bench).")
  Path out = Path.of("target", "bench");

  @Option(names = "--keep", description = "Keep the temporary data folders.")
  boolean keep;

  private final KimberliteCommand.Platform platform;
  private final Clock clock = Clock.systemUTC();

  private List<String> serverJvm() {
    List<String> options = new ArrayList<>();
    options.add("-Xmx" + serverHeap);
    options.addAll(serverJvmOptions);
    return options;
  }

  BenchCommand(KimberliteCommand.Platform platform) {
    this.platform = platform;
  }

  @Override
  public Integer call() throws Exception {
    boolean postgres = ChaosProcesses.postgres(database, this);
    Set<String> selected = new LinkedHashSet<>();
    for (String id : only.isEmpty() ? IDS : only) {
      String clean = id.strip().toUpperCase(Locale.ROOT);
      if (!IDS.contains(clean)) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "--only takes ids among " + String.join(",", IDS));
      }
      selected.add(clean);
    }
    for (int perDocument : List.of(eventsPerDocument, growthEventsPerDocument)) {
      if (perDocument < 1 || perDocument > 10_000) {
        throw new CommandLine.ParameterException(
            new CommandLine(this),
            "--events-per-document and --growth-events-per-document take 1 to 10,000 (the most"
                + " events a capture document may hold)");
      }
    }
    double seconds = duration != null ? duration : quick ? 10 : 60;
    int logEntries = entries != null ? entries : quick ? 5_000 : 20_000;
    int logSamples = samples != null ? samples : quick ? 50 : 200;
    int certificates = statistics != null ? statistics : quick ? 10_000 : 100_000;
    int inbox = findings != null ? findings : quick ? 100_000 : 1_000_000;
    String run = Long.toString(clock.millis() % 1_679_616L, 36).toUpperCase(Locale.ROOT);

    Instant started = clock.instant();
    String command =
        "./kimberlite bench "
            + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    System.out.printf(
        Locale.ROOT,
        "bench: %s on %s, %s; %d cores, load average %s%n",
        String.join(",", selected),
        postgres ? "PostgreSQL" : "H2",
        quick ? "quick" : "full",
        Runtime.getRuntime().availableProcessors(),
        BenchReport.loadAverage());
    Path dir = Files.createTempDirectory("kimberlite-bench-");
    ChaosProcesses.Postgres pg = null;
    List<BenchRow> rows = new ArrayList<>();
    try {
      if (postgres) {
        pg = ChaosProcesses.Postgres.create(Files.createTempDirectory("kimberlite-bench-pg-"));
      }
      boolean http =
          selected.contains("B1")
              || selected.contains("B3")
              || selected.contains("B4")
              || selected.contains("B6")
              || selected.contains("B7")
              || selected.contains("B8");
      if (http) {
        rows.addAll(overHttp(selected, dir, pg, seconds, run));
      }
      if (selected.contains("B2") || (selected.contains("B5") && (certificates > 0 || inbox > 0))) {
        BenchDatabase raw;
        String url = dbUrl;
        String user = "";
        if (pg != null) {
          pg.createDatabase("inprocess");
          pg.createDatabase("rawcommit");
          raw = new BenchDatabase(pg.url("rawcommit"), pg.user(), "");
          if (url.isBlank()) {
            url = pg.url("inprocess");
            user = pg.user();
          }
        } else {
          raw = BenchDatabase.h2(dir, "rawcommit");
        }
        System.out.println("bench: B2/B5 in this JVM ...");
        rows.addAll(
            new BenchLog(platform, dir.resolve("inprocess"), url, user)
                .run(
                    selected.contains("B2"),
                    logEntries,
                    writers,
                    logSamples,
                    selected.contains("B5") ? certificates : 0,
                    selected.contains("B5") ? inbox : 0,
                    raw));
      }
    } finally {
      if (pg != null) {
        pg.destroy();
      }
      if (!keep) {
        deleteTree(dir);
      } else {
        System.out.println("Kept " + dir);
      }
    }
    rows.sort(Comparator.comparing(BenchRow::id));
    double total = Duration.between(started, clock.instant()).toMillis() / 1e3;
    System.out.println();
    System.out.print(BenchReport.table(rows));
    Path file =
        BenchReport.write(out, rows, postgres ? "postgres" : "h2", quick, command, started, total);
    System.out.printf(Locale.ROOT, "%nbench: %.0f s in all; results in %s%n", total, file);
    return 0;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create();

  /** B7, B1, B3 and B6 against one server child process (a fresh demo). */
  private List<BenchRow> overHttp(
      Set<String> selected,
      Path dir,
      ChaosProcesses.@Nullable Postgres pg,
      double seconds,
      String run)
      throws Exception {
    List<BenchRow> rows = new ArrayList<>();
    List<String> args = new ArrayList<>();
    Map<String, String> env = new HashMap<>();
    env.put("KIMBERLITE_MANAGEMENT_PORT", "0");
    BenchDatabase rawCapture;
    if (pg != null) {
      args.add("--db-url=" + pg.url());
      env.putAll(pg.environment());
      pg.createDatabase("rawcapture");
      rawCapture = new BenchDatabase(pg.url("rawcapture"), pg.user(), "");
    } else {
      rawCapture = BenchDatabase.h2(dir, "rawcapture");
    }
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    ChaosProcesses.Server server =
        new ChaosProcesses.Server(data, ChaosProcesses.freePort(), args, env, serverJvm());
    BenchHttp client = new BenchHttp(server.base());
    try {
      System.out.println("bench: starting the server (demo) ...");
      long t0 = System.nanoTime();
      server.start("demo");
      if (!server.awaitReady(client.http(), Duration.ofMinutes(10), "Kimberlite demo is running")) {
        throw new IllegalStateException("The server did not start: " + server.tail());
      }
      double ready = (System.nanoTime() - t0) / 1e9;
      long pid = server.pid();
      if (selected.contains("B7")) {
        rows.add(
            BenchRow.atMost(
                "B7.a",
                "footprint: start of a fresh demo (world + a year of certificates) to ready",
                ready,
                "s",
                10,
                "from process start until the demo answers and says it runs; -Xmx"
                    + serverHeap
                    + "."));
      }
      client.readAccounts(data);
      BenchCapture.Result firstCapture = null;
      if (selected.contains("B1")) {
        System.out.println("bench: B1 capture over HTTP ...");
        BenchCapture capture = new BenchCapture(run);
        String token = client.token(BenchCapture.MINER);
        AtomicLong maxRss = new AtomicLong();
        Thread sampler = rssSampler(pid, maxRss);
        BenchCapture.Result r;
        try {
          r = capture.overHttp(client, token, captureClients, eventsPerDocument, seconds);
          firstCapture = r;
        } finally {
          sampler.interrupt();
          sampler.join();
        }
        System.out.println("bench: B1 raw baseline ...");
        BenchCapture.Result raw =
            capture.raw(rawCapture, captureClients, eventsPerDocument, Math.min(seconds, 30));
        rows.add(
            BenchRow.atLeast(
                "B1",
                "EPCIS capture over HTTP, documents of "
                    + eventsPerDocument
                    + " diamond-profile events, stored",
                r.rate(),
                "events/s",
                raw.rate(),
                "the same rows (event, class, goods, log entry) by plain JDBC batches, one"
                    + " transaction per document, "
                    + captureClients
                    + " writers, same kind of database, "
                    + BenchReport.number(raw.seconds())
                    + " s"
                    + (raw.problems().isEmpty() ? "" : "; " + raw.problems()),
                10_000,
                0.25,
                captureClients
                    + " clients, "
                    + BenchReport.number(r.seconds())
                    + " s with the jobs in flight at the end; "
                    + r.documents()
                    + " documents, "
                    + r.failed()
                    + " failed; post to job finished p50 "
                    + BenchReport.number(r.jobLatency().percentile(0.5))
                    + " ms, p99 "
                    + BenchReport.number(r.jobLatency().percentile(0.99))
                    + " ms"
                    + (r.problems().isEmpty() ? "." : "; problems: " + r.problems())));
        if (selected.contains("B7") && maxRss.get() > 0) {
          rows.add(
              BenchRow.atMost(
                  "B7.b",
                  "footprint: server RSS during B1 (highest sample)",
                  maxRss.get() / 1024.0,
                  "MiB",
                  1024,
                  "VmRSS of the server process every 250 ms; -Xmx" + serverHeap + "."));
        }
      } else if (selected.contains("B7")) {
        rows.add(
            BenchRow.notMeasured(
                "B7.b", "footprint: server RSS during B1", "MiB", "≤ 1024 MiB", "B1 was not run."));
      }
      if (selected.contains("B3")) {
        System.out.println("bench: B3 certificates over HTTP ...");
        BenchCertificates certs = new BenchCertificates(run);
        BenchCertificates.IssueResult issue =
            certs.issue(client, clients, seconds, quick ? 100 : 500);
        rows.add(
            BenchRow.atLeast(
                "B3.a",
                "certificate issue over HTTP (validate, sign, store, log)",
                issue.rate(),
                "certs/s",
                null,
                "",
                1_000,
                0,
                clients
                    + " clients, "
                    + BenchReport.number(issue.seconds())
                    + " s; "
                    + issue.failed()
                    + " failed; p50 "
                    + BenchReport.number(issue.latency().percentile(0.5))
                    + " ms, p99 "
                    + BenchReport.number(issue.latency().percentile(0.99))
                    + " ms"
                    + (issue.problems().isEmpty() ? "." : "; problems: " + issue.problems())));
        BenchCertificates.VerifyResult v = certs.verify(client, issue.sample(), quick ? 4 : 10);
        rows.add(
            BenchRow.atLeast(
                "B3.b",
                "certificate verified offline (JWS signature + inclusion proof)",
                v.verifyRate(),
                "verifs/s",
                v.rawRate(),
                "Bouncy Castle Ed25519 verify of the same JWS signatures, same thread, same run",
                0,
                0.7,
                v.certificates()
                    + " certificates, one thread; each verification checks two Ed25519"
                    + " signatures (the authority's JWS and the checkpoint's note) and parses"
                    + " the proof."));
      }
      if (selected.contains("B6")) {
        System.out.println("bench: B6 log reads ...");
        rows.addAll(BenchTiles.run(client, dir.resolve("static"), clients, quick ? 3 : 10));
      }
      if (selected.contains("B4") || selected.contains("B8")) {
        rows.addAll(growth(selected, client, firstCapture, seconds, run));
      }
    } finally {
      server.stop(Duration.ofSeconds(30));
    }
    return rows;
  }

  /**
   * B4 on the store as it is, then (B8) the store grown by captures of unrelated lots through the
   * same path and checks, and B1 and B4 again.
   */
  private List<BenchRow> growth(
      Set<String> selected,
      BenchHttp client,
      BenchCapture.@Nullable Result firstCapture,
      double seconds,
      String run)
      throws IOException, InterruptedException {
    List<BenchRow> rows = new ArrayList<>();
    System.out.println("bench: B4 provenance traces ...");
    BenchTrace trace = new BenchTrace(client);
    trace.findPieces();
    long size = logSize(client, 0);
    BenchTrace.Result base = trace.run(BenchTrace.CLIENTS, seconds);
    rows.add(traceRow("B4", size, base));
    if (!selected.contains("B8")) {
      return rows;
    }
    long grow = growthEvents >= 0 ? growthEvents : quick ? 50_000 : 1_000_000;
    BenchCapture capture = new BenchCapture(run + "G");
    String token = client.token(BenchCapture.MINER);
    System.out.println("bench: B8 growing the store by " + grow + " events ...");
    long t0 = System.nanoTime();
    BenchCapture.Result fill =
        capture.overHttp(
            client, token, captureClients, growthEventsPerDocument, 7 * 24 * 3600.0, grow);
    double fillSeconds = (System.nanoTime() - t0) / 1e9;
    long grown = logSize(client, size + fill.events());
    System.out.println("bench: B8 B1 and B4 again at " + grown + " entries ...");
    BenchCapture.Result again =
        capture.overHttp(client, token, captureClients, eventsPerDocument, seconds);
    BenchTrace.Result after = trace.run(BenchTrace.CLIENTS, seconds);
    String how =
        "store grown from "
            + size
            + " to "
            + grown
            + " log entries (every stored event is one) by "
            + fill.events()
            + " events of unrelated lots in documents of "
            + growthEventsPerDocument
            + ", captured through the same path and checks in "
            + BenchReport.number(fillSeconds)
            + " s ("
            + BenchReport.number(fill.rate())
            + " events/s, "
            + fill.failed()
            + " failed)";
    rows.add(traceRow("B4", grown, after));
    if (firstCapture != null) {
      rows.add(
          BenchRow.atLeast(
              "B8.a",
              "growth: B1 capture at " + grown + " entries against B1 at " + size,
              again.rate(),
              "events/s",
              firstCapture.rate(),
              "B1 at the smaller store, same run",
              0,
              0.8,
              how + "."));
    } else {
      rows.add(
          BenchRow.info(
              "B8.a",
              "growth: B1 capture at " + grown + " entries (run B1 too for the comparison)",
              again.rate(),
              "events/s",
              how + "."));
    }
    double p99 = base.latencies().percentile(0.99);
    double allowed = p99 * Math.log(grown) / Math.log(Math.max(size, 2));
    rows.add(
        BenchRow.atMost(
            "B8.b",
            "growth: B4 trace p99 at " + grown + " entries",
            after.latencies().percentile(0.99),
            "ms",
            allowed,
            "no worse than logarithmic: p99 at "
                + size
                + " entries ("
                + BenchReport.number(p99)
                + " ms) × ln("
                + grown
                + ") / ln("
                + size
                + ")."));
    return rows;
  }

  private BenchRow traceRow(String id, long size, BenchTrace.Result r) {
    return BenchRow.atMost(
        id,
        "provenance trace of a retail piece upstream to its mines over HTTP, p99 at "
            + size
            + " log entries",
        r.latencies().percentile(0.99),
        "ms",
        20,
        BenchTrace.CLIENTS
            + " clients, "
            + r.requests()
            + " traces in "
            + BenchReport.number(r.seconds())
            + " s ("
            + BenchReport.number(r.rate())
            + "/s), "
            + r.failed()
            + " failed; p50 "
            + BenchReport.number(r.latencies().percentile(0.5))
            + " ms; "
            + r.pieces().size()
            + " demo pieces, deepest "
            + r.deepest()
            + " steps from the piece"
            + (r.problems().isEmpty() ? "" : "; problems: " + r.problems())
            + ". The target is at 10 M events.");
  }

  /**
   * The size of the log once everything stored is integrated: at least {@code atLeast} entries, or
   * a size that has not changed for 3 s (longer than the checkpoint a server keeps for at most 1 s
   * and than an integration round), whichever comes first; at most 10 minutes.
   */
  @org.kimberlite.shared.SuppressForbidden("the benchmark waits for the integrator")
  private static long logSize(BenchHttp client, long atLeast)
      throws IOException, InterruptedException {
    long last = -1;
    int unchanged = 0;
    for (int i = 0; i < 1200; i++) {
      HttpResponse<String> r = client.get(client.http(), "/log/checkpoint", "");
      if (r.statusCode() != 200) {
        Thread.sleep(500); // busy (503 with Retry-After) or no checkpoint yet: ask again
        continue;
      }
      String note = r.body();
      int first = note.indexOf('\n');
      long size = Long.parseLong(note.substring(first + 1, note.indexOf('\n', first + 1)).strip());
      if (size >= atLeast && atLeast > 0) {
        return size;
      }
      unchanged = size == last ? unchanged + 1 : 0;
      if (unchanged >= 6) {
        return size;
      }
      last = size;
      Thread.sleep(500);
    }
    if (last < 0) {
      throw new IllegalStateException(
          "The server's log checkpoint could not be read for 10 minutes");
    }
    return last;
  }

  /** Samples the server's resident set size (kB) every 250 ms into {@code max}. */
  private static Thread rssSampler(long pid, AtomicLong max) {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    return Thread.ofPlatform()
        .daemon()
        .name("bench-rss")
        .start(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                String kb = BenchReport.procField(status, "VmRSS:");
                if (!kb.isEmpty()) {
                  max.accumulateAndGet(Long.parseLong(kb), Math::max);
                }
                try {
                  pause();
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
  }

  @org.kimberlite.shared.SuppressForbidden("a sampler thread of a command-line benchmark")
  private static void pause() throws InterruptedException {
    Thread.sleep(250);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind
    }
  }
}

package org.kimberlite.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.NoteVerifier;
import org.kimberlite.ledger.Notes;
import org.kimberlite.ledger.ProofVerifier;
import org.kimberlite.ledger.TileHashReader;
import org.kimberlite.ledger.TreeMath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chaos: the server runs as a child process on a fresh demo world while concurrent clients issue
 * and confirm KP certificates and capture EPCIS documents, each request with an {@code
 * Idempotency-Key} (an unanswered request is sent again with the same key and body); the server is
 * killed with SIGKILL at random moments and started again. With PostgreSQL the database is also
 * stopped and started under load: clients must get 503 with Retry-After (never another 5xx, never a
 * hang) and the server must recover by itself. After each round: every acknowledged write is there
 * exactly once, every refused one is absent, every confirmation acknowledged is kept, every
 * acknowledged capture job finishes with each of its events stored exactly once (and no event of
 * any capture is stored twice), and the log extends every checkpoint seen before (consistency
 * proofs from the public tiles).
 */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    description =
        "Kill -9 the server (and restart PostgreSQL) under concurrent writes; check that no"
            + " acknowledged write is lost or duplicated.")
final class ChaosCommand implements Callable<Integer> {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration OP_PATIENCE = Duration.ofSeconds(120);

  @Option(names = "--rounds", description = "Kill-and-restart rounds (default 20).")
  int rounds = 20;

  @Option(names = "--database", description = "h2 (default) or postgres.")
  String database = "h2";

  @Option(
      names = "--quick",
      description =
          "Shorter rounds and fewer clients (for the test suite); the server hands an"
              + " Idempotency-Key held by a killed attempt over after "
              + QUICK_LEASE
              + " instead of its configured lease.")
  boolean quick;

  /**
   * The idempotency lease of the servers of a quick run. A key whose first attempt died with the
   * killed process stays held for the lease, and every retry of it is answered 409 until then: with
   * the default 30 seconds a quick round spent most of its time waiting for that. A retry that
   * takes a key over is part of what a round checks (no write lost or stored twice).
   */
  static final String QUICK_LEASE = "5s";

  @Option(names = "--clients", description = "Concurrent clients (default 4; 3 with --quick).")
  @Nullable Integer clients;

  @Option(names = "--seed", description = "Seed of the random moments (default: random).")
  @Nullable Long seed;

  @Option(names = "--keep", description = "Keep the temporary data folder.")
  boolean keep;

  /** Set by {@code ./kimberlite load}: no kills, one sustained round of this length. */
  @Nullable Duration load;

  /** Public readers beside the writers during a load run. */
  int readers = 4;

  private final Clock clock = Clock.systemUTC();
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  // What the clients saw, over the whole run.
  private final ConcurrentLinkedQueue<Op> ops = new ConcurrentLinkedQueue<>();
  private final AtomicInteger unavailable = new AtomicInteger();
  private final AtomicInteger unavailableWithoutRetryAfter = new AtomicInteger();
  private final AtomicInteger otherServerErrors = new AtomicInteger();
  private final AtomicInteger timeouts = new AtomicInteger();
  private final ConcurrentLinkedQueue<String> oddities = new ConcurrentLinkedQueue<>();

  private final ConcurrentLinkedQueue<CaptureOp> captures = new ConcurrentLinkedQueue<>();
  private final Instant startedAt =
      clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

  private String base = "";
  private String captureToken = "";
  private String issuerToken = "";
  private String importerToken = "";
  private String exporterId = "";
  private String importerId = "";
  private String run = "";

  /** One logical write (an issue and maybe its confirmation) and what its client learned. */
  static final class Op {
    final String sealId;
    final boolean valid;
    final int round;
    volatile String outcome = "pending"; // acknowledged, refused, in-doubt
    volatile @Nullable String number;
    volatile boolean ambiguous;
    volatile String confirmation = "none"; // none, acknowledged, in-doubt

    Op(String sealId, boolean valid, int round) {
      this.sealId = sealId;
      this.valid = valid;
      this.round = round;
    }
  }

  /** One EPCIS capture (a document of a few events, each with an EPC of its own). */
  static final class CaptureOp {
    final List<String> epcs;
    final String document;
    volatile String outcome = "pending"; // acknowledged, refused, in-doubt
    volatile @Nullable String location;
    volatile boolean finished;

    CaptureOp(List<String> epcs, String document) {
      this.epcs = epcs;
      this.document = document;
    }
  }

  @Override
  @org.kimberlite.shared.SuppressForbidden("a command-line test harness pacing its rounds")
  public Integer call() throws Exception {
    boolean postgres = ChaosProcesses.postgres(database, this);
    Random random = new Random(seed == null ? new Random().nextLong() : seed);
    int clientCount = clients != null ? clients : quick ? 3 : 4;
    Path dir = Files.createTempDirectory("kimberlite-chaos-");
    run = Long.toString(Math.abs(random.nextLong() % 1_000_000L), 36).toUpperCase(Locale.ROOT);
    ChaosProcesses.Postgres pg = null;
    ChaosProcesses.Server server = null;
    Instant began = clock.instant();
    boolean pass = true;
    try {
      List<String> args = new ArrayList<>();
      Map<String, String> env = new HashMap<>();
      if (postgres) {
        pg = ChaosProcesses.Postgres.create(Files.createTempDirectory("kimberlite-chaos-pg-"));
        args.add("--db-url=" + pg.url());
        env.putAll(pg.environment());
      }
      if (quick && load == null && System.getenv("KIMBERLITE_IDEMPOTENCY_LEASE") == null) {
        env.put("KIMBERLITE_IDEMPOTENCY_LEASE", QUICK_LEASE);
      }
      Path data = dir.resolve("data");
      Files.createDirectories(data);
      server = new ChaosProcesses.Server(data, ChaosProcesses.freePort(), args, env);
      base = server.base();
      System.out.printf(
          Locale.ROOT,
          "%s on %s, %d clients, data in %s%n",
          load == null ? "chaos: " + rounds + " rounds" : "load: " + load.toMinutes() + " minutes",
          postgres ? "PostgreSQL" : "H2",
          clientCount,
          dir);
      server.start("demo");
      if (!server.awaitReady(http, Duration.ofMinutes(5), "Kimberlite demo is running")) {
        System.out.println("The server did not start: " + server.tail());
        return 1;
      }
      signIn(data);
      NoteVerifier vkey = NoteVerifier.parse(text("/log/vkey").strip());
      boolean replays = probeReplay();
      System.out.println(
          "Idempotency-Key replay by the server: "
              + (replays ? "yes" : "no (a retried write may be stored twice)"));
      List<Checkpoint> seen = new ArrayList<>();
      seen.add(checkpoint(vkey));
      Checkpoint verified = seen.getFirst();
      if (load != null) {
        pass = loadRun(load, clientCount, random, vkey, seen, verified, replays, server);
        System.out.println(pass ? "VERDICT: PASS" : "VERDICT: FAIL");
        return pass ? 0 : 1;
      }

      System.out.printf(
          Locale.ROOT,
          "%5s %6s %6s %6s %5s %5s %5s %5s %5s %5s %6s %8s %8s %7s  %s%n",
          "round",
          "acked",
          "refus",
          "doubt",
          "lost",
          "dup",
          "503",
          "5xx",
          "hang",
          "conf",
          "events",
          "restart",
          "db-back",
          "log",
          "verdict");
      long totalAcked = 0;
      long totalLost = 0;
      long totalDuplicated = 0;
      long totalRefused = 0;
      long totalCaptures = 0;
      long totalEvents = 0;
      for (int round = 1; round <= rounds; round++) {
        int before503 = unavailable.get();
        int before5xx = otherServerErrors.get() + unavailableWithoutRetryAfter.get();
        int beforeHang = timeouts.get();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clientCount; c++) {
          int clientNo = c;
          int roundNo = round;
          long clientSeed = random.nextLong();
          threads.add(
              Thread.ofPlatform()
                  .name("chaos-client-" + c)
                  .start(
                      () -> client(roundNo, clientNo, new Random(clientSeed), stop, vkey, seen)));
        }
        Thread.sleep(millis(random, quick ? 800 : 1500, quick ? 2000 : 5000));
        String dbBack = "-";
        boolean dbRound = postgres && (quick ? round == 2 : round % 2 == 0);
        if (dbRound && pg != null) {
          pg.stop(random.nextBoolean());
          Thread.sleep(quick ? 2000 : 3000);
          pg.start();
          Instant t0 = clock.instant();
          boolean back = awaitWrites(Duration.ofSeconds(60));
          dbBack =
              back
                  ? String.format(
                      Locale.ROOT, "%.1fs", Duration.between(t0, clock.instant()).toMillis() / 1e3)
                  : "NEVER";
          if (!back) {
            oddities.add(
                "round " + round + ": the server did not recover from the database restart");
          }
          Thread.sleep(millis(random, 300, 1200));
        }
        server.kill();
        Instant killed = clock.instant();
        server.start("serve");
        boolean up = server.awaitReady(http, Duration.ofMinutes(3), null);
        String restart =
            up
                ? String.format(
                    Locale.ROOT,
                    "%.1fs",
                    Duration.between(killed, clock.instant()).toMillis() / 1e3)
                : "NEVER";
        if (up) {
          Thread.sleep(quick ? 500 : 1000);
        }
        stop.set(true);
        for (Thread t : threads) {
          t.join(OP_PATIENCE.toMillis() + 30_000);
        }
        if (!up) {
          System.out.println("The server did not come back: " + server.tail());
          pass = false;
          break;
        }
        // The checks: every write of this run so far, and the log against what was seen.
        Check check = check(replays);
        String log;
        try {
          Checkpoint now = awaitStableCheckpoint(vkey);
          List<Checkpoint> toVerify = new ArrayList<>();
          synchronized (seen) {
            toVerify.addAll(seen);
            seen.clear();
          }
          toVerify.add(verified);
          for (Checkpoint c : toVerify) {
            consistent(c, now);
          }
          verified = now;
          log = Long.toString(now.size());
        } catch (RuntimeException e) {
          oddities.add("round " + round + ": log check failed: " + e.getMessage());
          log = "BAD";
        }
        int r503 = unavailable.get() - before503;
        int r5xx = otherServerErrors.get() + unavailableWithoutRetryAfter.get() - before5xx;
        int rHang = timeouts.get() - beforeHang;
        boolean ok =
            check.lost == 0
                && check.refusedPresent == 0
                && (!replays || check.duplicated == 0)
                && check.confirmationsLost == 0
                && check.eventsLost == 0
                && check.eventsDuplicated == 0
                && r5xx == 0
                && rHang == 0
                && !log.equals("BAD")
                && !dbBack.equals("NEVER");
        pass &= ok;
        System.out.printf(
            Locale.ROOT,
            "%5d %6d %6d %6d %5d %5d %5d %5d %5d %5d %6d %8s %8s %7s  %s%n",
            round,
            check.acknowledged,
            check.refused,
            check.inDoubt,
            check.lost + check.refusedPresent + check.eventsLost,
            check.duplicated + check.eventsDuplicated,
            r503,
            r5xx,
            rHang,
            check.confirmed,
            check.events,
            restart,
            dbBack,
            log,
            ok ? "ok" : "FAIL");
        totalAcked = check.acknowledged;
        totalLost = check.lost + check.refusedPresent + check.confirmationsLost + check.eventsLost;
        totalDuplicated = check.duplicated + check.eventsDuplicated;
        totalRefused = check.refused;
        totalCaptures = check.capturesAcknowledged;
        totalEvents = check.events;
      }
      double seconds = Duration.between(began, clock.instant()).toMillis() / 1e3;
      for (String o : oddities) {
        System.out.println("  " + o);
      }
      System.out.printf(
          Locale.ROOT,
          "%nchaos on %s: %d rounds in %.0f s; %d writes acknowledged (%d of them EPCIS"
              + " captures holding %d events), %d refused, %d lost, %d duplicated; %d answers 503 (all with Retry-After: %s), %d other 5xx, %d"
              + " hangs%n",
          postgres ? "PostgreSQL" : "H2",
          rounds,
          seconds,
          totalAcked + totalCaptures,
          totalCaptures,
          totalEvents,
          totalRefused,
          totalLost,
          totalDuplicated,
          unavailable.get(),
          unavailableWithoutRetryAfter.get() == 0 ? "yes" : "no",
          otherServerErrors.get() + unavailableWithoutRetryAfter.get(),
          timeouts.get());
      if (totalDuplicated > 0 && !replays) {
        System.out.println(
            "Note: "
                + totalDuplicated
                + " write(s) stored twice after a retry whose first answer was lost; the server"
                + " does not replay Idempotency-Key yet.");
      }
      System.out.println(pass ? "VERDICT: PASS" : "VERDICT: FAIL");
      return pass ? 0 : 1;
    } finally {
      if (server != null) {
        server.kill();
      }
      if (pg != null) {
        pg.destroy();
      }
      if (!keep) {
        deleteTree(dir);
      } else {
        System.out.println("Kept " + dir);
      }
    }
  }

  // ---- the load run -------------------------------------------------------------------------

  /**
   * One sustained round without faults: the writers issue, confirm and capture, the readers read
   * public pages, the API and the log; the server's own metrics are sampled every 10 s. Passes when
   * no answer was a 5xx or late, every acknowledged write is there exactly once, the log extends
   * every checkpoint seen, and threads, connections and the heap's floor did not grow.
   */
  @org.kimberlite.shared.SuppressForbidden("a command-line load run pacing its samples")
  private boolean loadRun(
      Duration length,
      int clientCount,
      Random random,
      NoteVerifier vkey,
      List<Checkpoint> seen,
      Checkpoint verified,
      boolean replays,
      ChaosProcesses.Server server)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clientCount; c++) {
      int clientNo = c;
      long clientSeed = random.nextLong();
      threads.add(
          Thread.ofPlatform()
              .name("load-writer-" + c)
              .start(() -> client(1, clientNo, new Random(clientSeed), stop, vkey, seen)));
    }
    ConcurrentLinkedQueue<Long> readMillis = new ConcurrentLinkedQueue<>();
    AtomicInteger reads = new AtomicInteger();
    for (int r = 0; r < readers; r++) {
      long readerSeed = random.nextLong();
      threads.add(
          Thread.ofPlatform()
              .name("load-reader-" + r)
              .start(() -> reader(new Random(readerSeed), stop, reads, readMillis)));
    }
    List<Sample> samples = new ArrayList<>();
    Instant began = clock.instant();
    Instant end = began.plus(length);
    System.out.printf(
        Locale.ROOT,
        "%6s %7s %7s %5s %8s %8s %6s %6s %6s %5s%n",
        "time",
        "writes",
        "reads",
        "5xx",
        "heap-MiB",
        "floor",
        "thrds",
        "db-act",
        "db-all",
        "cpu%");
    long floor = Long.MAX_VALUE;
    int metricsMissed = 0;
    while (clock.instant().isBefore(end)) {
      Thread.sleep(10_000);
      Sample sample;
      try {
        sample = sample(server, Duration.between(began, clock.instant()));
      } catch (IllegalStateException e) {
        metricsMissed++;
        System.out.println("  metrics: " + e.getMessage());
        continue;
      }
      samples.add(sample);
      floor = Math.min(floor, sample.heapBytes);
      System.out.printf(
          Locale.ROOT,
          "%5ds %7d %7d %5d %8.0f %8.0f %6d %6d %6d %5.0f%n",
          sample.at.toSeconds(),
          ops.size() + captures.size(),
          reads.get(),
          otherServerErrors.get() + unavailable.get(),
          sample.heapBytes / 1048576.0,
          floor / 1048576.0,
          sample.threads,
          sample.connectionsActive,
          sample.connections,
          sample.cpu * 100);
    }
    stop.set(true);
    for (Thread t : threads) {
      t.join(OP_PATIENCE.toMillis() + 30_000);
    }
    Thread.sleep(5_000);
    Sample after = sample(server, Duration.between(began, clock.instant()));
    Check check = check(replays);
    String logVerdict;
    try {
      Checkpoint now = awaitStableCheckpoint(vkey);
      List<Checkpoint> toVerify = new ArrayList<>(seen);
      toVerify.add(verified);
      for (Checkpoint c : toVerify) {
        consistent(c, now);
      }
      logVerdict = "consistent with " + toVerify.size() + " checkpoints seen, " + now.size();
    } catch (RuntimeException e) {
      oddities.add("log check failed: " + e.getMessage());
      logVerdict = "BAD";
    }
    double seconds = Duration.between(began, clock.instant()).toMillis() / 1e3;
    // Resources: the first two minutes are warm-up (class loading, caches, JIT).
    List<Sample> early = samples.stream().filter(x -> x.at.toSeconds() <= 180).toList();
    List<Sample> late =
        samples.subList(Math.max(early.size(), samples.size() - 12), samples.size());
    boolean flat = true;
    String resources = "too short to judge (needs more than 3 minutes)";
    if (!early.isEmpty() && !late.isEmpty()) {
      long earlyThreads = early.stream().mapToLong(x -> x.threads).max().orElse(0);
      long lateThreads = late.stream().mapToLong(x -> x.threads).max().orElse(0);
      long earlyFloor = early.stream().mapToLong(x -> x.heapBytes).min().orElse(0);
      long lateFloor = late.stream().mapToLong(x -> x.heapBytes).min().orElse(0);
      long earlyConnections = early.stream().mapToLong(x -> x.connections).max().orElse(0);
      long lateConnections = late.stream().mapToLong(x -> x.connections).max().orElse(0);
      boolean threadsFlat = lateThreads <= earlyThreads + 8;
      boolean heapFlat = lateFloor <= earlyFloor * 5 / 4 + 32L * 1048576;
      boolean connectionsFlat = lateConnections <= Math.max(earlyConnections, 10);
      boolean released = after.connectionsActive == 0;
      flat = threadsFlat && heapFlat && connectionsFlat && released;
      resources =
          String.format(
              Locale.ROOT,
              "threads %d then %d (%s); heap floor %.0f then %.0f MiB (%s); connections %d then"
                  + " %d, %d active after the load (%s)",
              earlyThreads,
              lateThreads,
              threadsFlat ? "flat" : "GREW",
              earlyFloor / 1048576.0,
              lateFloor / 1048576.0,
              heapFlat ? "flat" : "GREW",
              earlyConnections,
              lateConnections,
              after.connectionsActive,
              connectionsFlat && released ? "flat" : "GREW");
    }
    List<Long> sorted = readMillis.stream().sorted().toList();
    long p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    long p99 =
        sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * 0.99));
    for (String o : oddities) {
      System.out.println("  " + o);
    }
    int serverErrors = otherServerErrors.get() + unavailable.get();
    System.out.printf(
        Locale.ROOT,
        "%nload: %.0f s; %d certificate writes (%d acknowledged, %d refused as planted, %d in"
            + " doubt, %d confirmations), %d captures (%d events); %d public reads (p50 %d ms,"
            + " p99 %d ms); %d answers 5xx, %d late; %d lost, %d duplicated; log %s%n%s; %d of"
            + " %d metrics samples unanswered%n",
        seconds,
        ops.size(),
        check.acknowledged,
        check.refused,
        check.inDoubt,
        check.confirmed,
        check.capturesAcknowledged,
        check.events,
        reads.get(),
        p50,
        p99,
        serverErrors,
        timeouts.get(),
        check.lost + check.refusedPresent + check.confirmationsLost + check.eventsLost,
        check.duplicated + check.eventsDuplicated,
        logVerdict,
        resources,
        metricsMissed,
        metricsMissed + samples.size());
    return serverErrors == 0
        && timeouts.get() == 0
        && check.lost + check.refusedPresent + check.confirmationsLost + check.eventsLost == 0
        && (!replays || check.duplicated == 0)
        && check.eventsDuplicated == 0
        && !logVerdict.equals("BAD")
        && flat;
  }

  /** What the server's Prometheus metrics say at one moment. */
  record Sample(
      Duration at,
      long heapBytes,
      long threads,
      long connectionsActive,
      long connections,
      double cpu) {}

  private Sample sample(ChaosProcesses.Server server, Duration at) {
    String text = new String(fetch(server.management() + "/metrics"), StandardCharsets.UTF_8);
    long heap = 0;
    long threads = 0;
    long active = 0;
    long all = 0;
    double cpu = 0;
    for (String line : text.lines().toList()) {
      if (line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      if (space < 0) {
        continue;
      }
      double value;
      try {
        value = Double.parseDouble(line.substring(space + 1));
      } catch (NumberFormatException e) {
        continue;
      }
      if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
        heap += (long) value;
      } else if (line.startsWith("jvm_threads_live_threads")) {
        threads = (long) value;
      } else if (line.startsWith("hikaricp_connections_active")) {
        active += (long) value;
      } else if (line.startsWith("hikaricp_connections{")) {
        all += (long) value;
      } else if (line.startsWith("process_cpu_usage")) {
        cpu = value;
      }
    }
    return new Sample(at, heap, threads, active, all, cpu);
  }

  private static final List<String> PUBLIC_READS =
      List.of(
          "/api/v1/participants",
          "/api/v1/statistics/years",
          "/api/v1/statistics/summary?year=%d",
          "/api/v1/statistics/matrix?year=%d",
          "/statistics",
          "/participants",
          "/log/checkpoint",
          "/api/v1/trust-list",
          "/verify/%s",
          "/api/v1/verify/certificates/%s",
          "/api/v1/certificates/%s/proof");

  /** Reads public pages, the API and the log as an anonymous visitor would, without pause. */
  private void reader(
      Random random, AtomicBoolean stop, AtomicInteger reads, ConcurrentLinkedQueue<Long> millis) {
    int year = LocalDate.now(clock).getYear() - 1 - random.nextInt(3);
    while (!stop.get()) {
      String path = PUBLIC_READS.get(random.nextInt(PUBLIC_READS.size()));
      if (path.contains("%s")) {
        List<String> numbers =
            ops.stream().map(o -> o.number).filter(java.util.Objects::nonNull).limit(200).toList();
        if (numbers.isEmpty()) {
          continue;
        }
        path = String.format(Locale.ROOT, path, numbers.get(random.nextInt(numbers.size())));
      } else if (path.contains("%d")) {
        path = String.format(Locale.ROOT, path, year);
      }
      long t0 = System.nanoTime();
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(URI.create(base + path)).timeout(CLIENT_TIMEOUT).build(),
                HttpResponse.BodyHandlers.discarding());
        millis.add((System.nanoTime() - t0) / 1_000_000);
        reads.incrementAndGet();
        if (r.statusCode() == 503) {
          unavailable.incrementAndGet();
          oddities.add(path + ": 503");
        } else if (r.statusCode() >= 500) {
          otherServerErrors.incrementAndGet();
          oddities.add(path + ": " + r.statusCode());
        } else if (r.statusCode() != 200) {
          oddities.add(path + ": unexpected " + r.statusCode());
        }
      } catch (HttpTimeoutException e) {
        timeouts.incrementAndGet();
        oddities.add(path + ": no answer within " + CLIENT_TIMEOUT.toSeconds() + " s");
      } catch (IOException e) {
        oddities.add(path + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static long millis(Random random, int from, int to) {
    return from + (long) random.nextInt(Math.max(1, to - from));
  }

  // ---- the clients --------------------------------------------------------------------------

  @org.kimberlite.shared.SuppressForbidden("a test client backing off between attempts")
  private void client(
      int round,
      int clientNo,
      Random random,
      AtomicBoolean stop,
      NoteVerifier vkey,
      List<Checkpoint> seen) {
    int n = 0;
    while (!stop.get()) {
      if (random.nextInt(3) == 0) {
        capture(round, clientNo, n++, random);
        continue;
      }
      boolean valid = random.nextInt(10) != 0;
      Op op = new Op("CHAOS-" + run + "-" + round + "-" + clientNo + "-" + (n++), valid, round);
      ops.add(op);
      Answer a = send("/api/v1/certificates", issuerToken, issueBody(op), op, 201);
      if (a.status == 201) {
        op.number = a.json.path("number").asString();
        op.outcome = "acknowledged";
        if (random.nextBoolean()) {
          Answer c =
              send(
                  "/api/v1/certificates/" + op.number + "/confirmation",
                  importerToken,
                  confirmBody(op, a.json),
                  null,
                  200);
          op.confirmation = c.status == 200 ? "acknowledged" : "in-doubt";
        }
      } else if (a.status >= 400 && a.status < 500 && !op.ambiguous) {
        op.outcome = "refused";
        if (op.valid) {
          oddities.add(op.sealId + ": a valid certificate was refused " + a.status + " " + a.body);
        }
      } else {
        op.outcome = "in-doubt";
      }
      if (random.nextInt(4) == 0) {
        try {
          Checkpoint c = checkpoint(vkey);
          synchronized (seen) {
            seen.add(c);
          }
        } catch (RuntimeException e) {
          // the server is down: nothing seen
        }
      }
    }
  }

  /** Captures a document of one to five new events; acknowledged by 202 with its job. */
  private void capture(int round, int clientNo, int n, Random random) {
    List<String> epcs = new ArrayList<>();
    StringBuilder events = new StringBuilder();
    String time = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    int count = 1 + random.nextInt(5);
    for (int i = 0; i < count; i++) {
      String epc =
          "https://id.gs1.org/01/09521141012345/21/C"
              + run
              + "."
              + round
              + "."
              + clientNo
              + "."
              + n
              + "."
              + i;
      epcs.add(epc);
      events
          .append(i == 0 ? "" : ",")
          .append(
              JSON.writeValueAsString(
                  Map.of(
                      "type", "ObjectEvent",
                      "eventTime", time,
                      "eventTimeZoneOffset", "+00:00",
                      "epcList", List.of(epc),
                      "action", "ADD",
                      "bizStep", "commissioning",
                      "disposition", "active")));
    }
    String document =
        "{\"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"],"
            + " \"type\": \"EPCISDocument\", \"schemaVersion\": \"2.0\", \"creationDate\": \""
            + time
            + "\", \"epcisBody\": {\"eventList\": ["
            + events
            + "]}}";
    CaptureOp op = new CaptureOp(List.copyOf(epcs), document);
    captures.add(op);
    Answer a = send("/epcis/capture", captureToken, document, null, 202);
    if (a.status == 202) {
      op.location = a.location;
      op.outcome = "acknowledged";
    } else if (a.status == 409 && a.body.contains("/problems/idempotency/outcome-unknown")) {
      op.outcome = "in-doubt"; // an earlier attempt took effect; its answer died with the server
    } else if (a.status >= 400 && a.status < 500) {
      op.outcome = "refused";
      oddities.add("a valid capture was refused " + a.status + " " + abbreviate(a.body));
    } else {
      op.outcome = "in-doubt";
    }
  }

  record Answer(int status, JsonNode json, String body, @Nullable String location) {
    Answer(int status, JsonNode json, String body) {
      this(status, json, body, null);
    }
  }

  /**
   * Sends a POST until it gets a final answer: the same Idempotency-Key and body on every attempt;
   * 503 waits the Retry-After; a refused connection (nothing sent) or a lost answer is retried.
   */
  @org.kimberlite.shared.SuppressForbidden("a test client backing off between attempts")
  private Answer send(String path, String token, String body, @Nullable Op op, int success) {
    String key = UUID.randomUUID().toString();
    Instant deadline = clock.instant().plus(OP_PATIENCE);
    boolean ambiguous = false;
    while (clock.instant().isBefore(deadline)) {
      try {
        HttpRequest.Builder request =
            HttpRequest.newBuilder(URI.create(base + path))
                .timeout(CLIENT_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!token.isEmpty()) {
          request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int s = r.statusCode();
        if (s == 503) {
          unavailable.incrementAndGet();
          String after = r.headers().firstValue("Retry-After").orElse("");
          if (!after.matches("[0-9]{1,4}")) {
            unavailableWithoutRetryAfter.incrementAndGet();
            oddities.add(path + ": 503 without Retry-After");
          }
          Thread.sleep(Math.min(1000, after.isEmpty() ? 1000 : Long.parseLong(after) * 1000));
          continue;
        }
        if (s >= 500) {
          otherServerErrors.incrementAndGet();
          oddities.add(path + ": " + s + " " + abbreviate(r.body()));
          ambiguous = true;
          Thread.sleep(500);
          continue;
        }
        if (s == 429) {
          Thread.sleep(1000);
          continue;
        }
        if (s == 409 && r.body().contains("/problems/idempotency/in-progress")) {
          // An earlier attempt with this key still holds it (or held it when the server or the
          // database went away): ask again once its lease may have passed.
          ambiguous = true;
          Thread.sleep(1000);
          continue;
        }
        if (op != null) {
          op.ambiguous = ambiguous;
        }
        JsonNode json = r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
        if (s != success && s != 422 && !(ambiguous && s == 409)) {
          oddities.add(path + ": unexpected " + s + " " + abbreviate(r.body()));
        }
        return new Answer(s, json, r.body(), r.headers().firstValue("Location").orElse(null));
      } catch (HttpConnectTimeoutException | ConnectException notSent) {
        // nothing reached the server: the same request again
      } catch (HttpTimeoutException e) {
        timeouts.incrementAndGet();
        oddities.add(path + ": no answer within " + CLIENT_TIMEOUT.toSeconds() + " s");
        ambiguous = true;
      } catch (IOException lost) {
        ambiguous = true; // sent, the answer lost (the server died): the same request again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (op != null) {
      op.ambiguous = true;
    }
    return new Answer(0, JSON.nullNode(), "");
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  private String issueBody(Op op) {
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> body = new HashMap<>();
    body.put("exporter", exporterId);
    body.put("importer", importerId);
    body.put("importingParticipant", "EU");
    body.put("origin", Map.of("kind", "single", "countries", List.of("BW")));
    body.put(
        "lines",
        op.valid
            ? List.of(Map.of("hsCode", "7102.31", "carats", "125.40", "valueUsd", "18756.00"))
            : List.of());
    body.put("parcels", 2);
    body.put("sealId", op.sealId);
    body.put("issuedOn", today.toString());
    body.put("expiresOn", today.plusDays(30).toString());
    return JSON.writeValueAsString(body);
  }

  private String confirmBody(Op op, JsonNode cert) {
    Map<String, Object> body = new HashMap<>();
    body.put("parcels", cert.path("parcels").asInt());
    body.put("carats", cert.path("carats").asString());
    body.put("importer", importerId);
    body.put("exporter", exporterId);
    body.put("sealId", op.sealId);
    body.put("receivedOn", LocalDate.now(clock).toString());
    return JSON.writeValueAsString(body);
  }

  // ---- the checks ---------------------------------------------------------------------------

  static final class Check {
    long acknowledged;
    long refused;
    long inDoubt;
    long lost;
    long refusedPresent;
    long duplicated;
    long confirmed;
    long confirmationsLost;
    long capturesAcknowledged;
    long events;
    long eventsLost;
    long eventsDuplicated;
  }

  private Check check(boolean replays) throws IOException, InterruptedException {
    Map<String, List<JsonNode>> present = new HashMap<>();
    String from = LocalDate.now(clock).minusDays(1).toString();
    for (int page = 0; page < 10_000; page++) {
      JsonNode list =
          getJson(
              "/api/v1/certificates?direction=outgoing&from=" + from + "&size=500&page=" + page,
              issuerToken);
      for (JsonNode c : list) {
        String seal = c.path("sealId").asString("");
        if (seal.startsWith("CHAOS-" + run + "-")) {
          present.computeIfAbsent(seal, k -> new ArrayList<>()).add(c);
        }
      }
      if (list.size() < 500) {
        break;
      }
    }
    Check k = new Check();
    for (Op op : ops) {
      List<JsonNode> found = present.getOrDefault(op.sealId, List.of());
      switch (op.outcome) {
        case "acknowledged" -> {
          k.acknowledged++;
          if (found.stream().noneMatch(c -> c.path("number").asString().equals(op.number))) {
            k.lost++;
            oddities.add(op.sealId + ": acknowledged as " + op.number + " but not there");
          }
          if (found.size() > 1) {
            k.duplicated += found.size() - 1;
            if (replays) {
              oddities.add(op.sealId + ": stored " + found.size() + " times");
            }
          }
          if (op.confirmation.equals("acknowledged")) {
            k.confirmed++;
            boolean kept =
                found.stream()
                    .anyMatch(
                        c ->
                            c.path("number").asString().equals(op.number)
                                && c.path("status").asString().equals("CONFIRMED"));
            if (!kept) {
              k.confirmationsLost++;
              oddities.add(op.number + ": its confirmation was acknowledged but is not kept");
            }
          }
        }
        case "refused" -> {
          k.refused++;
          if (!found.isEmpty()) {
            k.refusedPresent++;
            oddities.add(op.sealId + ": refused but stored");
          }
        }
        default -> {
          k.inDoubt++;
          if (found.size() > 1) {
            k.duplicated += found.size() - 1;
          }
        }
      }
    }
    checkCaptures(k);
    return k;
  }

  /**
   * Every acknowledged capture job finishes with success, and each of its events is stored exactly
   * once; no event of any capture (acknowledged or in doubt) is stored twice.
   */
  @org.kimberlite.shared.SuppressForbidden("a command waiting for capture jobs")
  private void checkCaptures(Check k) throws IOException, InterruptedException {
    for (CaptureOp op : captures) {
      if (!op.outcome.equals("acknowledged") || op.finished || op.location == null) {
        continue;
      }
      Instant deadline = clock.instant().plus(OP_PATIENCE);
      JsonNode job = getJson(op.location, captureToken);
      while (job.path("running").asBoolean() && clock.instant().isBefore(deadline)) {
        Thread.sleep(200);
        job = getJson(op.location, captureToken);
      }
      if (job.path("running").asBoolean()) {
        oddities.add(op.location + ": an acknowledged capture job is still running");
        continue;
      }
      op.finished = true;
      if (!job.path("success").asBoolean()) {
        oddities.add(
            op.location + ": an acknowledged capture failed: " + abbreviate(job.toString()));
      }
    }
    Map<String, Integer> stored = new HashMap<>();
    String path =
        "/epcis/events?perPage=1000&GE_recordTime="
            + startedAt.minusSeconds(1)
            + "&EQ_bizStep=commissioning";
    for (int page = 0; page < 10_000 && path != null; page++) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .timeout(CLIENT_TIMEOUT)
                  .header("Authorization", "Bearer " + captureToken)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + r.statusCode() + " " + r.body());
      }
      for (JsonNode e :
          JSON.readTree(r.body()).at("/epcisBody/queryResults/resultsBody/eventList")) {
        for (JsonNode epc : e.path("epcList")) {
          stored.merge(epc.asString(), 1, Integer::sum);
        }
      }
      path =
          r.headers()
              .firstValue("Link")
              .map(l -> l.replaceFirst("^<([^>]*)>.*$", "$1"))
              .orElse(null);
    }
    for (CaptureOp op : captures) {
      if (op.outcome.equals("acknowledged")) {
        k.capturesAcknowledged++;
      }
      for (String epc : op.epcs) {
        int times = stored.getOrDefault(epc, 0);
        if (op.outcome.equals("acknowledged")) {
          k.events++;
          if (times == 0) {
            k.eventsLost++;
            oddities.add(epc + ": captured by an acknowledged job but not stored");
          }
        }
        if (times > 1) {
          k.eventsDuplicated += times - 1;
          oddities.add(epc + ": stored " + times + " times");
        }
      }
    }
  }

  /** The log's checkpoint once it stopped growing (the integrator caught up). */
  @org.kimberlite.shared.SuppressForbidden("a command waiting for the log")
  private Checkpoint awaitStableCheckpoint(NoteVerifier vkey) throws InterruptedException {
    Checkpoint previous = checkpoint(vkey);
    for (int i = 0; i < 60; i++) {
      Thread.sleep(500);
      Checkpoint current = checkpoint(vkey);
      if (current.size() == previous.size()) {
        return current;
      }
      previous = current;
    }
    return previous;
  }

  /** Proves that {@code now} extends {@code before}, from the public tiles. */
  private void consistent(Checkpoint before, Checkpoint now) {
    if (before.size() > now.size()) {
      throw new IllegalStateException(
          "the log shrank from " + before.size() + " to " + now.size() + " entries");
    }
    if (before.size() == 0) {
      return;
    }
    TileHashReader tiles = new TileHashReader(now.size(), path -> bytes("/log/" + path.path()));
    List<byte[]> proof = TreeMath.consistencyProof(before.size(), now.size(), tiles);
    ProofVerifier.verifyConsistency(
        before.size(), now.size(), before.rootHash(), now.rootHash(), proof);
  }

  private Checkpoint checkpoint(NoteVerifier vkey) {
    return Checkpoint.parseBody(Notes.open(text("/log/checkpoint"), List.of(vkey)).text());
  }

  // ---- set-up -------------------------------------------------------------------------------

  private void signIn(Path data) throws IOException {
    JsonNode accounts = JSON.readTree(data.resolve("demo-accounts.json").toFile());
    Map<String, JsonNode> byName = new HashMap<>();
    for (JsonNode a : accounts) {
      byName.put(a.path("username").asString(), a);
    }
    issuerToken = token(byName.get("kp-bw"));
    captureToken = token(byName.get("gaborone-sorting"));
    importerToken = token(byName.get("kp-eu-be"));
    exporterId = byName.get("gaborone-sorting").path("organisationId").asString();
    importerId = byName.get("schelde-rough").path("organisationId").asString();
  }

  private String token(JsonNode account) {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "username", account.path("username").asString(),
                "password", account.path("password").asString()));
    Answer a = send("/api/v1/auth/token", "", body, null, 201);
    if (a.status != 201) {
      throw new IllegalStateException("Cannot sign in: " + a.status + " " + a.body);
    }
    return a.json.path("token").asString();
  }

  /** Sends the same issue twice with one key: does the second answer replay the first? */
  private boolean probeReplay() throws IOException, InterruptedException {
    Op probe = new Op("PROBE-" + run, true, 0);
    String body = issueBody(probe);
    String key = UUID.randomUUID().toString();
    String[] numbers = new String[2];
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/certificates"))
                  .timeout(CLIENT_TIMEOUT)
                  .header("Authorization", "Bearer " + issuerToken)
                  .header("Content-Type", "application/json")
                  .header("Idempotency-Key", key)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 201 && r.statusCode() != 200) {
        if (i == 0) {
          throw new IllegalStateException(
              "The demo certificate was refused: " + r.statusCode() + " " + r.body());
        }
        return false;
      }
      numbers[i] = JSON.readTree(r.body()).path("number").asString();
    }
    return numbers[0].equals(numbers[1]);
  }

  /** Waits until the issuing authority can write again (after a database restart). */
  @org.kimberlite.shared.SuppressForbidden("a command polling the server")
  private boolean awaitWrites(Duration patience) throws InterruptedException {
    Instant deadline = clock.instant().plus(patience);
    while (clock.instant().isBefore(deadline)) {
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/certificates?direction=outgoing&size=1"))
                    .timeout(CLIENT_TIMEOUT)
                    .header("Authorization", "Bearer " + issuerToken)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return true;
        }
        if (r.statusCode() >= 500 && r.statusCode() != 503) {
          otherServerErrors.incrementAndGet();
          oddities.add("read after the database restart: " + r.statusCode());
        }
      } catch (HttpTimeoutException e) {
        timeouts.incrementAndGet();
        oddities.add("read after the database restart: no answer");
      } catch (IOException e) {
        // the server itself is down: keep waiting
      }
      Thread.sleep(200);
    }
    return false;
  }

  private JsonNode getJson(String path, String token) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .timeout(CLIENT_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }

  private String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  private byte[] bytes(String path) {
    return fetch(base + path);
  }

  private byte[] fetch(String url) {
    try {
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(CLIENT_TIMEOUT).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + r.statusCode());
      }
      return r.body();
    } catch (IOException e) {
      throw new IllegalStateException(url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind
    }
  }
}

package org.kimberlite.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.kimberlite.ledger.Commitment;
import org.kimberlite.ledger.TransparencyLog;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the transparency log on this machine: how fast records commit with their entries, how
 * fast the integrator puts them in the tree, and how long one record waits for its checkpoint. Runs
 * on a fresh embedded database in a temporary folder unless {@code --db-url} is given.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure log commit throughput, integration throughput and latency.")
final class BenchCommand implements Callable<Integer> {
  @Option(
      names = "--entries",
      description = "Records committed in the throughput phase (default 20000).")
  int entries = 20_000;

  @Option(names = "--writers", description = "Concurrent writer threads (default 8).")
  int writers = 8;

  @Option(
      names = "--samples",
      description = "Single records timed in the latency phase (default 200).")
  int samples = 200;

  @Option(
      names = "--statistics",
      description =
          "Also time the annual statistics summary over this many certificates (e.g. 100000).")
  int statistics = 0;

  @Option(names = "--db-url", description = "Benchmark against this database instead.")
  String dbUrl = "";

  private final KimberliteCommand.Platform platform;

  BenchCommand(KimberliteCommand.Platform platform) {
    this.platform = platform;
  }

  @Override
  @org.kimberlite.shared.SuppressForbidden(
      "a command-line benchmark that paces itself and polls for the log; no request thread")
  public Integer call() throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("kimberlite-bench-");
    List<String> args = new ArrayList<>();
    args.add("--spring.main.web-application-type=none");
    args.add("--kimberlite.data-dir=" + dir);
    args.add("--logging.level.org.kimberlite=WARN");
    if (!dbUrl.isBlank()) {
      args.add("--spring.datasource.url=" + dbUrl);
    }
    try (ConfigurableApplicationContext context = platform.start(args.toArray(String[]::new))) {
      TransparencyLog log = context.getBean(TransparencyLog.class);
      TransactionTemplate tx = context.getBean(TransactionTemplate.class);
      awaitIntegrated(log);
      long before = log.signedSize();

      AtomicInteger next = new AtomicInteger();
      List<Thread> threads = new ArrayList<>();
      long start = System.nanoTime();
      for (int w = 0; w < writers; w++) {
        threads.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      int i;
                      while ((i = next.getAndIncrement()) < entries) {
                        int n = i;
                        tx.executeWithoutResult(s -> log.record(commitment(n)));
                      }
                    }));
      }
      for (Thread t : threads) {
        t.join();
      }
      long committed = System.nanoTime();
      awaitIntegrated(log);
      long integrated = System.nanoTime();
      double commitSeconds = (committed - start) / 1e9;
      double integrateSeconds = (integrated - start) / 1e9;
      System.out.printf(
          java.util.Locale.ROOT,
          "throughput: %d records by %d writers committed in %.2f s (%.0f/s); all in the tree"
              + " and under a signed checkpoint after %.2f s (%.0f/s); tree %d -> %d%n",
          entries,
          writers,
          commitSeconds,
          entries / commitSeconds,
          integrateSeconds,
          entries / integrateSeconds,
          before,
          log.signedSize());

      List<Double> latencies = new ArrayList<>();
      for (int i = 0; i < samples; i++) {
        int n = entries + i;
        UUID id = tx.execute(s -> log.record(commitment(n)).entryId());
        long t0 = System.nanoTime();
        while (log.proof(id).isEmpty()) {
          Thread.onSpinWait();
          Thread.sleep(0, 200_000);
        }
        latencies.add((System.nanoTime() - t0) / 1e6);
        Thread.sleep(5);
      }
      Collections.sort(latencies);
      System.out.printf(
          java.util.Locale.ROOT,
          "latency from commit to a proof under a signed checkpoint, %d single records: p50 %.1f"
              + " ms, p95 %.1f ms, max %.1f ms%n",
          samples,
          percentile(latencies, 0.50),
          percentile(latencies, 0.95),
          latencies.get(latencies.size() - 1));
      if (statistics > 0) {
        statisticsBench(context);
      }
    }
    return 0;
  }

  private void statisticsBench(ConfigurableApplicationContext context) {
    org.kimberlite.registry.Organisations organisations =
        context.getBean(org.kimberlite.registry.Organisations.class);
    java.util.function.Function<String, java.util.UUID> newOrganisation =
        name ->
            organisations
                .registerSeed(
                    new org.kimberlite.registry.NewOrganisation(
                        "Bench " + name + " " + UUID.randomUUID(),
                        org.kimberlite.shared.CountryCode.of("BW"),
                        java.util.Set.of(org.kimberlite.registry.OrganisationRole.TRADER),
                        null,
                        null))
                .id();
    UUID authority = newOrganisation.apply("authority");
    UUID exporter = newOrganisation.apply("exporter");
    UUID importer = newOrganisation.apply("importer");
    List<org.kimberlite.certification.demo.BenchData.Lane> lanes = new ArrayList<>();
    String[][] pairs = {
      {"BW", "EU"},
      {"RU", "AE"},
      {"CA", "IN"},
      {"ZA", "EU"},
      {"CD", "AE"},
      {"EU", "IN"},
      {"AE", "IN"},
      {"AO", "AE"}
    };
    for (String[] pair : pairs) {
      lanes.add(
          new org.kimberlite.certification.demo.BenchData.Lane(
              pair[0], pair[1], authority, exporter, importer));
    }
    int year = java.time.LocalDate.now(java.time.Clock.systemUTC()).getYear() - 1;
    long t0 = System.nanoTime();
    context
        .getBean(org.kimberlite.certification.demo.BenchData.class)
        .certificates(statistics, year, lanes, 42);
    System.out.printf(
        java.util.Locale.ROOT,
        "statistics: %d certificates of %d written in %.1f s%n",
        statistics,
        year,
        (System.nanoTime() - t0) / 1e9);
    org.kimberlite.statistics.Statistics stats =
        context.getBean(org.kimberlite.statistics.Statistics.class);
    long cold = System.nanoTime();
    stats.summary(year);
    System.out.printf(
        java.util.Locale.ROOT,
        "statistics: first (cold) summary %.1f ms%n",
        (System.nanoTime() - cold) / 1e6);
    for (int i = 0; i < 2; i++) {
      stats.summary(year);
    }
    List<Double> times = new ArrayList<>();
    org.kimberlite.statistics.Statistics.Summary last = null;
    for (int i = 0; i < 10; i++) {
      long s = System.nanoTime();
      last = stats.summary(year);
      times.add((System.nanoTime() - s) / 1e6);
    }
    Collections.sort(times);
    System.out.printf(
        java.util.Locale.ROOT,
        "statistics: annual summary over %d certificates (%d issued, %d imported; exports %s carats, USD %s):"
            + " p50 %.1f ms, max %.1f ms (10 runs after 3 warm-ups)%n",
        statistics,
        last.certificates().issued(),
        last.certificates().imported(),
        last.exports().carats().toString(),
        last.exports().valueUsd().toString(),
        percentile(times, 0.5),
        times.get(times.size() - 1));
  }

  private static Commitment commitment(int n) {
    return Commitment.publicRecord(
        "bench.record",
        Integer.toString(n),
        "bench",
        java.time.Clock.systemUTC().instant(),
        Map.of("n", n, "payload", "a benchmark record of typical size, carats 1250.40"));
  }

  @org.kimberlite.shared.SuppressForbidden("a command-line benchmark waiting for the log")
  private static void awaitIntegrated(TransparencyLog log) throws InterruptedException {
    while (log.pending() > 0 || log.signedSize() == 0) {
      Thread.sleep(2);
    }
  }

  private static double percentile(List<Double> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
  }
}

package org.kimberlite.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.kimberlite.certification.demo.BenchData;
import org.kimberlite.ledger.Commitment;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.NewOrganisation;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.statistics.Statistics;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * B2 and B5, in this JVM on a platform without its web server: the log's per-record commits from
 * concurrent writers (with integration switched off, so commits alone are timed) against the
 * database's own single-row commit rate; the integration of that backlog (hashing, tiles, a signed
 * checkpoint per round) once integration is switched on; the latency from a commit to its proof;
 * and the annual statistics summary over synthetic certificates.
 */
final class BenchLog {
  private final KimberliteCommand.Platform platform;
  private final List<String> baseArgs;

  /**
   * @param dataDir the data folder of the in-process platform
   * @param dbUrl its database, or empty for an embedded H2 in {@code dataDir}
   * @param dbUser the database user, or empty for the platform's default
   */
  BenchLog(KimberliteCommand.Platform platform, Path dataDir, String dbUrl, String dbUser) {
    this.platform = platform;
    List<String> args = new ArrayList<>();
    args.add("--spring.main.web-application-type=none");
    args.add("--kimberlite.data-dir=" + dataDir);
    args.add("--logging.level.org.kimberlite=WARN");
    if (!dbUrl.isBlank()) {
      args.add("--spring.datasource.url=" + dbUrl);
    }
    if (!dbUser.isBlank()) {
      args.add("--spring.datasource.username=" + dbUser);
      args.add("--spring.datasource.password=");
    }
    this.baseArgs = List.copyOf(args);
  }

  private ConfigurableApplicationContext start(boolean integrate) {
    List<String> args = new ArrayList<>(baseArgs);
    args.add("--kimberlite.ledger.integrate=" + integrate);
    return platform.start(args.toArray(String[]::new));
  }

  /**
   * B2 (when {@code log}), B5.a (when {@code statistics} > 0), B5.b (when {@code findings} > 0).
   */
  List<BenchRow> run(
      boolean log,
      int entries,
      int writers,
      int samples,
      int statistics,
      int findings,
      BenchDatabase raw)
      throws SQLException, InterruptedException {
    List<BenchRow> rows = new ArrayList<>();
    if (log) {
      double commitRate;
      try (ConfigurableApplicationContext context = start(false)) {
        commitRate =
            commit(
                context.getBean(TransparencyLog.class),
                context.getBean(TransactionTemplate.class),
                entries,
                writers);
      }
      double rawRate = rawCommits(raw, entries, writers);
      rows.add(
          BenchRow.atLeast(
              "B2.a",
              "log: per-record commits (record + entry, one transaction each)",
              commitRate,
              "records/s",
              rawRate,
              "single-row inserts into a two-column table, one commit each, same writers, same"
                  + " kind of database, in this run",
              0,
              0.5,
              entries + " records by " + writers + " writers, integration off while committing."));
    }
    try (ConfigurableApplicationContext context = start(true)) {
      TransparencyLog tlog = context.getBean(TransparencyLog.class);
      if (log) {
        // The integrator starts with the context and may have worked through part of the backlog
        // (or a small one entirely) before this line: only what is left is timed.
        long backlog = tlog.pending();
        long t0 = System.nanoTime();
        awaitIntegrated(tlog);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (backlog == 0) {
          rows.add(
              BenchRow.notMeasured(
                  "B2.b",
                  "log: integration of a backlog (leaf hashes, tiles, signed checkpoints)",
                  "entries/s",
                  "≥ 100,000 entries/s",
                  "The integrator had integrated the whole backlog of "
                      + entries
                      + " records while the context started; run with more --entries."));
        } else {
          rows.add(
              BenchRow.atLeast(
                  "B2.b",
                  "log: integration of a backlog (leaf hashes, tiles, signed checkpoints)",
                  backlog / seconds,
                  "entries/s",
                  null,
                  "",
                  100_000,
                  0,
                  backlog
                      + " entries waiting when the integrator started; "
                      + String.format(java.util.Locale.ROOT, "%.2f", seconds)
                      + " s until none was left."));
        }
        BenchHttp.Latencies latency =
            latencies(tlog, context.getBean(TransactionTemplate.class), entries, samples);
        rows.add(
            new BenchRow(
                "B2.c",
                "log: commit to a proof under a signed checkpoint, p99",
                latency.percentile(0.99),
                "ms",
                null,
                "",
                "≤ 1000 ms under B1 load",
                null,
                samples
                    + " single records, one at a time, p50 "
                    + BenchReport.number(latency.percentile(0.5))
                    + " ms; measured with no other load, so the target (under B1 load) is not"
                    + " judged."));
      }
      if (statistics > 0) {
        rows.add(statistics(context, statistics));
      }
      if (findings > 0) {
        rows.add(inbox(context, findings));
      }
    }
    return rows;
  }

  private static double commit(
      TransparencyLog log, TransactionTemplate tx, int entries, int writers)
      throws InterruptedException {
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
    return entries / ((System.nanoTime() - start) / 1e9);
  }

  /** The database's own single-row commit rate: as many rows, as many writers. */
  static double rawCommits(BenchDatabase db, int rows, int writers)
      throws SQLException, InterruptedException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("create table bench_commit (id bigint primary key, payload varchar(400))");
    }
    AtomicInteger next = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    List<SQLException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    long start = System.nanoTime();
    for (int w = 0; w < writers; w++) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try (Connection c = db.connect();
                        PreparedStatement ps =
                            c.prepareStatement(
                                "insert into bench_commit (id, payload) values (?, ?)")) {
                      c.setAutoCommit(true);
                      int i;
                      while ((i = next.getAndIncrement()) < rows) {
                        ps.setLong(1, i);
                        ps.setString(2, "a benchmark row of typical size, carats 1250.40 " + i);
                        ps.executeUpdate();
                      }
                    } catch (SQLException e) {
                      failures.add(e);
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    if (!failures.isEmpty()) {
      throw failures.getFirst();
    }
    return rows / ((System.nanoTime() - start) / 1e9);
  }

  @org.kimberlite.shared.SuppressForbidden("a command-line benchmark polling for the log")
  private static BenchHttp.Latencies latencies(
      TransparencyLog log, TransactionTemplate tx, int first, int samples)
      throws InterruptedException {
    BenchHttp.Latencies out = new BenchHttp.Latencies();
    for (int i = 0; i < samples; i++) {
      int n = first + i;
      UUID id = tx.execute(s -> log.record(commitment(n)).entryId());
      long t0 = System.nanoTime();
      while (log.proof(id).isEmpty()) {
        Thread.onSpinWait();
        Thread.sleep(0, 200_000);
      }
      out.add(System.nanoTime() - t0);
      Thread.sleep(5);
    }
    return out;
  }

  private static Commitment commitment(int n) {
    return Commitment.publicRecord(
        "bench.record",
        Integer.toString(n),
        "bench",
        Clock.systemUTC().instant(),
        Map.of("n", n, "payload", "a benchmark record of typical size, carats 1250.40"));
  }

  @org.kimberlite.shared.SuppressForbidden("a command-line benchmark waiting for the log")
  private static void awaitIntegrated(TransparencyLog log) throws InterruptedException {
    while (log.pending() > 0 || log.signedSize() == 0) {
      Thread.sleep(2);
    }
  }

  /** B5.a: the annual summary over {@code count} synthetic certificates of last year. */
  private static BenchRow statistics(ConfigurableApplicationContext context, int count) {
    Organisations organisations = context.getBean(Organisations.class);
    java.util.function.Function<String, UUID> newOrganisation =
        name ->
            organisations
                .registerSeed(
                    new NewOrganisation(
                        "Bench " + name + " " + UUID.randomUUID(),
                        CountryCode.of("BW"),
                        Set.of(OrganisationRole.TRADER),
                        null,
                        null))
                .id();
    UUID authority = newOrganisation.apply("authority");
    UUID exporter = newOrganisation.apply("exporter");
    UUID importer = newOrganisation.apply("importer");
    List<BenchData.Lane> lanes = new ArrayList<>();
    String[][] pairs = {
      {"BW", "EU"}, {"RU", "AE"}, {"CA", "IN"}, {"ZA", "EU"},
      {"CD", "AE"}, {"EU", "IN"}, {"AE", "IN"}, {"AO", "AE"}
    };
    for (String[] pair : pairs) {
      lanes.add(new BenchData.Lane(pair[0], pair[1], authority, exporter, importer));
    }
    int year = LocalDate.now(Clock.systemUTC()).getYear() - 1;
    long t0 = System.nanoTime();
    context.getBean(BenchData.class).certificates(count, year, lanes, 42);
    double written = (System.nanoTime() - t0) / 1e9;
    Statistics stats = context.getBean(Statistics.class);
    long cold = System.nanoTime();
    stats.summary(year);
    double coldMs = (System.nanoTime() - cold) / 1e6;
    for (int i = 0; i < 5; i++) {
      stats.summary(year);
    }
    BenchHttp.Latencies times = new BenchHttp.Latencies();
    for (int i = 0; i < 100; i++) {
      long s = System.nanoTime();
      stats.summary(year);
      times.add(System.nanoTime() - s);
    }
    return BenchRow.atMost(
        "B5.a",
        "statistics: annual summary over " + count + " certificates, p99",
        times.percentile(0.99),
        "ms",
        20,
        "p50 "
            + BenchReport.number(times.percentile(0.5))
            + " ms, first (cold) "
            + BenchReport.number(coldMs)
            + " ms; 100 runs after 5 warm-ups, in-process; certificates written in "
            + BenchReport.number(written)
            + " s. The target is set at 1,000,000 certificates"
            + (count < 1_000_000 ? "; this run has fewer." : "."));
  }

  /**
   * B5.b: the first page (50, newest first) of the due-diligence inbox over {@code count} synthetic
   * findings, as three readers see it: a company (one of 1,000 holding the findings), a KP
   * authority (one of 20 participants) and the secretariat (all); the row's figure is the worst p99
   * of the three.
   */
  private static BenchRow inbox(ConfigurableApplicationContext context, int count) {
    List<UUID> organisations = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      organisations.add(new UUID(0x5eed, i));
    }
    List<String> participants =
        List.of(
            "BW", "RU", "CA", "ZA", "CD", "AO", "NA", "LS", "SL", "GN", "EU", "AE", "IN", "US",
            "CN", "IL", "CH", "TZ", "ZW", "AU");
    long t0 = System.nanoTime();
    context
        .getBean(org.kimberlite.diligence.demo.FindingBenchData.class)
        .findings(count, organisations, participants, Clock.systemUTC().instant(), 7);
    double written = (System.nanoTime() - t0) / 1e9;
    org.kimberlite.diligence.Findings inbox =
        context.getBean(org.kimberlite.diligence.Findings.class);
    UUID account = new UUID(0, 1);
    Map<String, org.kimberlite.registry.Caller> readers = new java.util.LinkedHashMap<>();
    readers.put(
        "company",
        new org.kimberlite.registry.Caller(
            account,
            "bench",
            organisations.get(0),
            "Bench company",
            Set.of(OrganisationRole.TRADER),
            null,
            false));
    readers.put(
        "authority",
        new org.kimberlite.registry.Caller(
            account,
            "bench",
            new UUID(0x5eed, 999_999),
            "Bench authority",
            Set.of(OrganisationRole.KP_AUTHORITY),
            org.kimberlite.shared.ParticipantCode.of("BW"),
            false));
    readers.put(
        "secretariat",
        new org.kimberlite.registry.Caller(
            account,
            "bench",
            new UUID(0x5eed, 999_998),
            "Bench secretariat",
            Set.of(OrganisationRole.KP_SECRETARIAT),
            null,
            false));
    org.kimberlite.diligence.Findings.Query first =
        new org.kimberlite.diligence.Findings.Query(null, null, null, null, null, 0, 50);
    double worst = 0;
    StringBuilder note = new StringBuilder();
    for (Map.Entry<String, org.kimberlite.registry.Caller> r : readers.entrySet()) {
      for (int i = 0; i < 5; i++) {
        inbox.list(r.getValue(), first);
      }
      BenchHttp.Latencies times = new BenchHttp.Latencies();
      int shown = 0;
      for (int i = 0; i < 100; i++) {
        long s = System.nanoTime();
        if (inbox.list(r.getValue(), first)
            instanceof org.kimberlite.diligence.Findings.ListOutcome.Listed listed) {
          shown = listed.findings().size();
        }
        times.add(System.nanoTime() - s);
      }
      worst = Math.max(worst, times.percentile(0.99));
      note.append(r.getKey())
          .append(" p50 ")
          .append(BenchReport.number(times.percentile(0.5)))
          .append(" / p99 ")
          .append(BenchReport.number(times.percentile(0.99)))
          .append(" ms (")
          .append(shown)
          .append(" shown); ");
    }
    return BenchRow.atMost(
        "B5.b",
        "due-diligence inbox over " + count + " findings, first page of 50, worst p99",
        worst,
        "ms",
        50,
        note
            + "100 runs each after 5 warm-ups, in-process; findings written in "
            + BenchReport.number(written)
            + " s. The target is set at 1,000,000 findings"
            + (count < 1_000_000 ? "; this run has fewer." : "."));
  }
}

package org.kimberlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.NoteSigner;
import org.kimberlite.ledger.ProofVerifier;
import org.kimberlite.ledger.TreeMath;
import org.kimberlite.support.Api;
import org.kimberlite.support.ChildServer;
import org.kimberlite.support.LogClient;
import org.kimberlite.support.PostgresServer;
import org.kimberlite.support.Writers;
import tools.jackson.databind.JsonNode;

/**
 * No acknowledged write is lost to SIGKILL. A child JVM runs the platform; a writer gets 201s for
 * new participants while the server commits them and integrates their log entries; the child is
 * killed in the middle. A new child on the same storage must hold every acknowledged record, its
 * checkpoint must extend the last one seen before the crash, and the audit must agree with the
 * database. And two servers on one PostgreSQL: exactly one integrates, the other takes over when it
 * dies.
 */
class DurabilityIT {
  @TempDir Path dir;

  @Test
  void acknowledgedWritesSurviveKillMinus9OnTheEmbeddedDatabase() throws Exception {
    crashAndRecover(List.of(), Map.of());
  }

  @Test
  void acknowledgedWritesSurviveKillMinus9OnPostgres() throws Exception {
    PostgresServer pg = PostgresServer.get();
    crashAndRecover(List.of("--db-url=" + pg.createDatabase()), pg.environment());
  }

  private void crashAndRecover(List<String> args, Map<String, String> env) throws Exception {
    int port = ChildServer.freePort();
    List<String> acknowledged = new CopyOnWriteArrayList<>();
    Checkpoint lastSeen;
    try (ChildServer first = ChildServer.start("demo", dir, port, args, env)) {
      first.awaitReady(dir.resolve("demo-accounts.json"));
      LogClient client = new LogClient(first.api().base());
      Api secretariat = first.api().withToken(first.token(dir, "kp-secretariat"));
      Thread writer = Writers.admitParticipants(secretariat, acknowledged);
      lastSeen = client.checkpoint();
      Instant deadline = Instant.now().plusSeconds(60);
      while (acknowledged.size() < 40 && Instant.now().isBefore(deadline) && writer.isAlive()) {
        lastSeen = client.checkpoint(); // verified against the served key
        Thread.sleep(10);
      }
      first.kill();
      writer.join(30_000);
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);

    try (ChildServer second = ChildServer.start("serve", dir, port, args, env)) {
      second.awaitReady(null);
      Set<String> present = new TreeSet<>();
      for (JsonNode p : second.api().get("/api/v1/participants").json()) {
        present.add(p.get("code").asString());
      }
      assertThat(present).containsAll(acknowledged);

      LogClient client = new LogClient(second.api().base());
      Checkpoint now = awaitStable(client);
      assertThat(now.size()).isGreaterThanOrEqualTo(lastSeen.size());
      List<byte[]> leaves = client.leafHashes(now.size());
      assertThat(LogClient.root(leaves)).isEqualTo(now.rootHash());
      assertThat(LogClient.root(leaves.subList(0, (int) lastSeen.size())))
          .isEqualTo(lastSeen.rootHash());
      if (lastSeen.size() > 0) {
        ProofVerifier.verifyConsistency(
            lastSeen.size(),
            now.size(),
            lastSeen.rootHash(),
            now.rootHash(),
            TreeMath.consistencyProof(lastSeen.size(), now.size(), LogClient.memoryTree(leaves)));
      }
    }
    // Every business row has its entry in the log, and every entry matches its row.
    try (ChildServer audit = ChildServer.start("audit", dir, 0, args, env)) {
      assertThat(audit.awaitExit()).as(audit.tail()).isZero();
    }
  }

  /** The checkpoint once it stopped growing for a second (the integrator has caught up). */
  static Checkpoint awaitStable(LogClient client) throws InterruptedException {
    Checkpoint previous = client.checkpoint();
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      Thread.sleep(1_000);
      Checkpoint current = client.checkpoint();
      if (current.size() == previous.size()) {
        return current;
      }
      previous = current;
    }
    throw new IllegalStateException("The log kept growing");
  }

  /**
   * The checkpoint once it holds at least {@code size} entries and every entry committed to the
   * database so far: another process must have taken over integration. Background jobs (the expiry
   * job, for one) may commit records of their own meanwhile, so the count is read from the database
   * rather than assumed.
   */
  static Checkpoint awaitAllIntegrated(LogClient client, long size, String url, PostgresServer pg)
      throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    Checkpoint current = client.checkpoint();
    long committed = committedEntries(url, pg);
    while ((current.size() < size || current.size() != committed)
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      current = client.checkpoint();
      committed = committedEntries(url, pg);
    }
    assertThat(current.size())
        .as("checkpoint size after the integrator died")
        .isGreaterThanOrEqualTo(size)
        .isEqualTo(committed);
    return current;
  }

  @Test
  void twoServersOnOnePostgresExactlyOneIntegrates() throws Exception {
    PostgresServer pg = PostgresServer.get();
    String url = pg.createDatabase();
    Map<String, String> env = new HashMap<>(pg.environment());
    env.put("KIMBERLITE_LOG_KEY", NoteSigner.generate("kimberlite.local/log").skey());
    List<String> args = List.of("--db-url=" + url);
    Path dirA = dir.resolve("a");
    Path dirB = dir.resolve("b");
    try (ChildServer a = ChildServer.start("demo", dirA, ChildServer.freePort(), args, env)) {
      a.awaitReady(dirA.resolve("demo-accounts.json"));
      try (ChildServer b = ChildServer.start("serve", dirB, ChildServer.freePort(), args, env)) {
        b.awaitReady(null);
        String token = a.token(dirA, "kp-secretariat");
        Api viaA = a.api().withToken(token);
        Api viaB = b.api().withToken(token);
        List<String> codes = Writers.unusedCountryCodes(viaA);
        for (int i = 0; i < 20; i++) {
          Api through = i % 2 == 0 ? viaA : viaB;
          assertThat(admit(through, codes.get(i))).isEqualTo(201);
        }
        Checkpoint onA = awaitStable(new LogClient(a.api().base()));
        Checkpoint onB = new LogClient(b.api().base()).checkpoint();
        assertThat(onB.size()).isEqualTo(onA.size());
        assertThat(onB.rootHash()).isEqualTo(onA.rootHash());
        assertThat(integrators(url, pg)).hasSize(1);

        a.kill(); // the integrator dies; B must take over after the lease runs out
        for (int i = 20; i < 30; i++) {
          assertThat(admit(viaB, codes.get(i))).isEqualTo(201);
        }
        // Each admission commits two entries: the status decision and its audit record.
        Checkpoint after =
            awaitAllIntegrated(new LogClient(b.api().base()), onA.size() + 10 * 2, url, pg);
        assertThat(integrators(url, pg)).hasSize(2);
        List<byte[]> leaves = new LogClient(b.api().base()).leafHashes(after.size());
        ProofVerifier.verifyConsistency(
            onA.size(),
            after.size(),
            onA.rootHash(),
            after.rootHash(),
            TreeMath.consistencyProof(onA.size(), after.size(), LogClient.memoryTree(leaves)));
      }
    }
  }

  private static int admit(Api api, String code) {
    return api.post(
            "/api/v1/participants",
            Map.of(
                "code",
                code,
                "name",
                "Two nodes " + code,
                "admittedOn",
                "2026-01-01",
                "reason",
                "t"))
        .status();
  }

  /** The entries committed to the log so far, integrated or not. */
  private static long committedEntries(String url, PostgresServer pg) throws Exception {
    try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
        ResultSet rs = c.createStatement().executeQuery("select count(*) from ledger_entry")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The distinct processes that signed checkpoints. */
  private static List<String> integrators(String url, PostgresServer pg) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
        ResultSet rs =
            c.createStatement().executeQuery("select distinct created_by from ledger_checkpoint")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}

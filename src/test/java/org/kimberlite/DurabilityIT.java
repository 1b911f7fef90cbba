package org.kimberlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kimberlite.support.Api;
import org.kimberlite.support.ChildServer;
import org.kimberlite.support.PostgresServer;
import org.kimberlite.support.Writers;
import tools.jackson.databind.JsonNode;

/**
 * No acknowledged write is lost when the server process is killed with SIGKILL: a child JVM runs
 * the platform, a writer gets 201s for new participants, the child is killed in the middle of the
 * writes, and a new child on the same storage must hold every acknowledged one.
 */
class DurabilityIT {
  @TempDir Path dir;

  @Test
  void acknowledgedWritesSurviveKillMinus9OnTheEmbeddedDatabase() throws Exception {
    killAndRestart(List.of(), Map.of());
  }

  @Test
  void acknowledgedWritesSurviveKillMinus9OnPostgres() throws Exception {
    PostgresServer pg = PostgresServer.get();
    killAndRestart(List.of("--db-url=" + pg.createDatabase()), pg.environment());
  }

  private void killAndRestart(List<String> args, Map<String, String> env) throws Exception {
    int port = ChildServer.freePort();
    List<String> acknowledged = new CopyOnWriteArrayList<>();
    try (ChildServer first = ChildServer.start("demo", dir, port, args, env)) {
      first.awaitReady(dir.resolve("demo-accounts.json"));
      Api secretariat = first.api().withToken(first.token(dir, "kp-secretariat"));
      Thread writer = Writers.admitParticipants(secretariat, acknowledged);
      Instant deadline = Instant.now().plusSeconds(60);
      while (acknowledged.size() < 25 && Instant.now().isBefore(deadline) && writer.isAlive()) {
        Thread.sleep(5);
      }
      first.kill(); // in the middle of the writes
      writer.join(30_000);
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(25);

    try (ChildServer second = ChildServer.start("serve", dir, port, args, env)) {
      second.awaitReady(null);
      Set<String> present = new TreeSet<>();
      for (JsonNode p : second.api().get("/api/v1/participants").json()) {
        present.add(p.get("code").asString());
      }
      assertThat(present).containsAll(acknowledged);
      // The demo world written before the first write is intact too.
      assertThat(second.token(dir, "kp-secretariat")).startsWith("kbl_");
    }
  }
}

package org.kimberlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kimberlite.backup.Backups;
import org.kimberlite.backup.Manifest;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.support.Api;
import org.kimberlite.support.ChildServer;
import org.kimberlite.support.LogClient;
import org.kimberlite.support.PostgresServer;
import org.kimberlite.support.Writers;

/**
 * {@code ./kimberlite backup} while writes happen, {@code restore} into a fresh database, and the
 * audit against the log and checkpoints seen before: a restore of that backup passes; a checkpoint
 * seen after the backup shows the records the restore lost; a record deleted after the restore is
 * named. On the embedded database (the running server writes the backup) and on PostgreSQL.
 */
class BackupIT {
  @TempDir Path dir;

  @Test
  void backupWhileWritingAndRestoreOnTheEmbeddedDatabase() throws Exception {
    Path source = dir.resolve("a");
    Path target = dir.resolve("b");
    roundTrip(source, List.of(), target, List.of(), Map.of());
    String url = h2Url(target);
    tamperAndAudit(target, List.of(), Map.of(), url, "sa", "");
  }

  @Test
  void backupWhileWritingAndRestoreOnPostgres() throws Exception {
    PostgresServer pg = PostgresServer.get();
    String from = pg.createDatabase();
    String to = pg.createDatabase();
    Path source = dir.resolve("a");
    Path target = dir.resolve("b");
    roundTrip(
        source, List.of("--db-url=" + from), target, List.of("--db-url=" + to), pg.environment());
    tamperAndAudit(
        target, List.of("--db-url=" + to), pg.environment(), to, pg.user(), pg.password());
  }

  private void roundTrip(
      Path source,
      List<String> sourceArgs,
      Path target,
      List<String> targetArgs,
      Map<String, String> env)
      throws Exception {
    Path backup = dir.resolve("kimberlite.backup");
    List<String> acknowledged = new CopyOnWriteArrayList<>();
    try (ChildServer server =
        ChildServer.start("demo", source, ChildServer.freePort(), sourceArgs, env)) {
      server.awaitReady(source.resolve("demo-accounts.json"));
      LogClient log = new LogClient(server.api().base());
      Api secretariat = server.api().withToken(server.token(source, "kp-secretariat"));
      java.util.concurrent.atomic.AtomicBoolean stop =
          new java.util.concurrent.atomic.AtomicBoolean();
      List<String> codes = Writers.unusedCountryCodes(secretariat);
      // A paced writer, so that writes go on before, during and after the backup.
      Thread writer =
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (String code : codes) {
                      if (stop.get()) {
                        return;
                      }
                      try {
                        Api.Answer a =
                            secretariat.post(
                                "/api/v1/participants",
                                Map.of(
                                    "code",
                                    code,
                                    "name",
                                    "Backup test " + code,
                                    "admittedOn",
                                    "2026-01-01",
                                    "reason",
                                    "written around a backup"));
                        if (a.status() == 201) {
                          acknowledged.add(code);
                        }
                        Thread.sleep(300);
                      } catch (RuntimeException | InterruptedException stopped) {
                        return;
                      }
                    }
                  });
      awaitCount(acknowledged, 5);
      Files.writeString(dir.resolve("before.note"), log.text("/log/checkpoint"));
      List<String> args = new ArrayList<>(sourceArgs);
      args.add("--to=" + backup);
      try (ChildServer b = ChildServer.start("backup", source, 0, args, env)) {
        assertThat(b.awaitExit()).as(b.tail()).isZero();
      }
      Manifest m = Backups.verify(backup);
      int atBackup = acknowledged.size();
      // Writes go on after the backup: a checkpoint seen later commits to records it lacks.
      awaitCount(acknowledged, atBackup + 5);
      Checkpoint later = awaitAtLeast(log, m.treeSize() + 5);
      Files.writeString(dir.resolve("later.note"), log.text("/log/checkpoint"));
      assertThat(later.size()).isGreaterThan(m.treeSize());
      stop.set(true);
      writer.join(30_000);
      server.kill();
      assertThat(m.checkpoint()).isNotNull();
    }
    // A backup is data only: the restored database needs the same keys.
    Files.createDirectories(target);
    for (String key : List.of("master.key", "log.key")) {
      Files.copy(source.resolve(key), target.resolve(key));
    }
    List<String> args = new ArrayList<>(targetArgs);
    args.add("--from=" + backup);
    try (ChildServer r = ChildServer.start("restore", target, 0, args, env)) {
      assertThat(r.awaitExit()).as(r.tail()).isZero();
      assertThat(r.tail()).contains("OK: the database agrees with the transparency log.");
    }
    // Into a database that is not empty: refused without --force, done with it.
    try (ChildServer r = ChildServer.start("restore", target, 0, args, env)) {
      assertThat(r.awaitExit()).as(r.tail()).isEqualTo(2);
      assertThat(r.tail()).contains("not empty");
    }
    args.add("--force");
    try (ChildServer r = ChildServer.start("restore", target, 0, args, env)) {
      assertThat(r.awaitExit()).as(r.tail()).isZero();
    }
  }

  private void tamperAndAudit(
      Path target,
      List<String> targetArgs,
      Map<String, String> env,
      String url,
      String user,
      String pw)
      throws Exception {
    // The checkpoint seen before the backup: the restored log extends it.
    assertThat(audit(target, targetArgs, env, "before.note")).isZero();
    // The checkpoint seen after it: the restore lost the records written since.
    try (ChildServer a = audited(target, targetArgs, env, "later.note")) {
      assertThat(a.awaitExit()).isEqualTo(1);
      assertThat(a.tail()).contains("[log-truncated]").contains("are missing");
    }
    // A committed record deleted after the restore is named.
    String id;
    try (Connection c = DriverManager.getConnection(url, user, pw);
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("select max(id) from participant_status_change");
      rs.next();
      id = Long.toString(rs.getLong(1));
      s.executeUpdate("delete from participant_status_change where id = " + id);
    }
    try (ChildServer a = audited(target, targetArgs, env, "before.note")) {
      assertThat(a.awaitExit()).isEqualTo(1);
      assertThat(a.tail()).contains("[record-missing]").contains(" " + id + ":");
    }
    // The log cut short: its last entry gone.
    try (Connection c = DriverManager.getConnection(url, user, pw);
        Statement s = c.createStatement()) {
      s.executeUpdate("delete from ledger_entry where idx = (select max(idx) from ledger_entry)");
    }
    try (ChildServer a = audited(target, targetArgs, env, "before.note")) {
      assertThat(a.awaitExit()).isEqualTo(1);
      assertThat(a.tail()).contains("entries are missing");
    }
  }

  private int audit(Path data, List<String> args, Map<String, String> env, String note)
      throws Exception {
    try (ChildServer a = audited(data, args, env, note)) {
      int code = a.awaitExit();
      assertThat(a.tail()).contains("Checked against 1 checkpoint(s) seen before.");
      return code;
    }
  }

  private ChildServer audited(Path data, List<String> args, Map<String, String> env, String note)
      throws Exception {
    List<String> all = new ArrayList<>(args);
    all.add("--checkpoint=" + dir.resolve(note));
    return ChildServer.start("audit", data, 0, all, env);
  }

  private static String h2Url(Path data) {
    return "jdbc:h2:file:"
        + data.toAbsolutePath().resolve("kimberlite")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
  }

  private static void awaitCount(List<String> acknowledged, int n) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (acknowledged.size() < n && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(n);
  }

  private static Checkpoint awaitAtLeast(LogClient log, long size) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    Checkpoint c = log.checkpoint();
    while (c.size() < size && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      c = log.checkpoint();
    }
    return c;
  }
}

package org.kimberlite.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.kimberlite.backup.BackupException;
import org.kimberlite.backup.Backups;
import org.kimberlite.backup.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Writes a consistent backup of the database while the server keeps serving. PostgreSQL is read
 * directly; the embedded database's file is held by the running server, so the command asks the
 * server through the data folder (see docs/adr/0009-backup.md) and reads the file itself only when
 * no server holds it.
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = "Write a consistent backup of the database (with a manifest) to a file.")
final class BackupCommand implements Callable<Integer> {
  /** H2's "database may be already in use": another process holds the file. */
  private static final int H2_IN_USE = 90020;

  private static final Duration SERVER_PATIENCE = Duration.ofMinutes(10);

  @Mixin ServerOptions options = new ServerOptions();

  @Option(names = "--to", required = true, paramLabel = "FILE", description = "The backup file.")
  Path to = Path.of("kimberlite.backup");

  @Override
  public Integer call() throws IOException, InterruptedException {
    String url = options.jdbcUrl();
    Manifest manifest;
    try {
      if (url.startsWith("jdbc:h2:")) {
        manifest = embedded(url);
      } else {
        try (Connection c =
            DriverManager.getConnection(url, options.dbUser(), options.dbPassword())) {
          manifest = Backups.backup(c, to, Clock.systemUTC());
        }
      }
    } catch (SQLException e) {
      System.err.println("Cannot open the database: " + e.getMessage());
      return 1;
    } catch (BackupException e) {
      System.err.println(e.getMessage());
      return 1;
    }
    System.out.printf(
        Locale.ROOT,
        "Backup written to %s: %s schema %s, %d tables, %d rows, log tree size %d, SHA-256 %s%n",
        to,
        manifest.database(),
        manifest.schemaVersion(),
        manifest.tables(),
        manifest.rows(),
        manifest.treeSize(),
        manifest.contentSha256());
    return 0;
  }

  private Manifest embedded(String url) throws SQLException, IOException, InterruptedException {
    try (Connection c =
        DriverManager.getConnection(
            url + ";IFEXISTS=TRUE", options.dbUser(), options.dbPassword())) {
      return Backups.backup(c, to, Clock.systemUTC());
    } catch (SQLException e) {
      if (e.getErrorCode() != H2_IN_USE) {
        throw e;
      }
    }
    return askTheServer();
  }

  @org.kimberlite.shared.SuppressForbidden("a command waiting for the server's answer file")
  private Manifest askTheServer() throws IOException, InterruptedException {
    Path folder = options.dataDir().toAbsolutePath().normalize().resolve("backup-requests");
    Files.createDirectories(folder);
    String id = UUID.randomUUID().toString();
    Path answer = folder.resolve(id + ".backup");
    Path failed = folder.resolve(id + ".failed");
    Files.writeString(folder.resolve(id + ".request"), "", StandardCharsets.UTF_8);
    System.out.println("The server holds the embedded database; asking it for the backup ...");
    Clock clock = Clock.systemUTC();
    Instant deadline = clock.instant().plus(SERVER_PATIENCE);
    while (clock.instant().isBefore(deadline)) {
      if (Files.exists(answer)) {
        Path target = to.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Files.move(answer, target, StandardCopyOption.REPLACE_EXISTING);
        return Backups.verify(target);
      }
      if (Files.exists(failed)) {
        String why = Files.readString(failed, StandardCharsets.UTF_8);
        Files.deleteIfExists(failed);
        throw new BackupException("The server could not write the backup: " + why);
      }
      Thread.sleep(200);
    }
    Files.deleteIfExists(folder.resolve(id + ".request"));
    throw new BackupException(
        "The server did not answer within " + SERVER_PATIENCE.toMinutes() + " minutes");
  }
}

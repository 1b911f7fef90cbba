package org.kimberlite.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kimberlite.backup.BackupException;
import org.kimberlite.backup.Backups;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Restores a backup into an empty database (or, with {@code --force}, replaces what is there), then
 * audits the result against the log and the checkpoint the backup recorded.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description =
        "Restore a backup into an empty database (the server stopped), then audit it against"
            + " the transparency log.")
final class RestoreCommand implements Callable<Integer> {
  @Mixin ServerOptions options = new ServerOptions();

  @Option(names = "--from", required = true, paramLabel = "FILE", description = "The backup file.")
  Path from = Path.of("kimberlite.backup");

  @Option(names = "--force", description = "Replace everything in a database that is not empty.")
  boolean force;

  private final KimberliteCommand.Platform platform;

  RestoreCommand(KimberliteCommand.Platform platform) {
    this.platform = platform;
  }

  @Override
  public Integer call() throws InterruptedException {
    DriverManagerDataSource target =
        new DriverManagerDataSource(options.jdbcUrl(), options.dbUser(), options.dbPassword());
    Backups.RestoreOutcome outcome;
    try {
      outcome = Backups.restore(target, from, force);
    } catch (BackupException e) {
      System.err.println(e.getMessage());
      return 1;
    }
    return switch (outcome) {
      case Backups.Refused r -> {
        System.err.println("Not restored: " + r.reason());
        yield 2;
      }
      case Backups.Restored r -> {
        System.out.printf(
            Locale.ROOT,
            "Restored %d rows (%s schema %s, taken %s, log tree size %d); auditing ...%n",
            r.rows(),
            r.manifest().database(),
            r.manifest().schemaVersion(),
            r.manifest().createdAt(),
            r.manifest().treeSize());
        List<String> seen = new ArrayList<>();
        if (r.manifest().checkpoint() != null) {
          seen.add(r.manifest().checkpoint());
        }
        yield AuditCommand.audit(platform, options, seen, true);
      }
    };
  }
}

package org.kimberlite.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kimberlite.ledger.Audit;
import org.kimberlite.ledger.AuditReport;
import org.kimberlite.ledger.TransparencyLog;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Recomputes every commitment from the database and checks it against the log. Exit code 0 when
 * everything matches, 1 when something was changed behind the platform's back.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Check every record in the database against the transparency log.")
final class AuditCommand implements Callable<Integer> {
  @Mixin ServerOptions options = new ServerOptions();

  @Option(
      names = "--checkpoint",
      paramLabel = "FILE",
      description =
          "A checkpoint note seen before (from /log/checkpoint or a witness); the log must"
              + " extend it. Repeatable.")
  List<Path> checkpoints = new ArrayList<>();

  private final KimberliteCommand.Platform platform;

  AuditCommand(KimberliteCommand.Platform platform) {
    this.platform = platform;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    List<String> seen = new ArrayList<>();
    for (Path p : checkpoints) {
      seen.add(Files.readString(p, StandardCharsets.UTF_8));
    }
    return audit(platform, options, seen, false);
  }

  /**
   * Runs the audit against the checkpoints seen before; the exit code: 0 clean, 1 not. With {@code
   * integrateFirst} (after a restore) the entries that were waiting for the integrator when the
   * backup was taken are integrated first, as the server would on start.
   */
  @org.kimberlite.shared.SuppressForbidden("a command waiting for the integrator")
  static int audit(
      KimberliteCommand.Platform platform,
      ServerOptions options,
      List<String> seen,
      boolean integrateFirst)
      throws InterruptedException {
    var args = new ArrayList<>(options.springArgs());
    args.add("--spring.main.web-application-type=none");
    if (!integrateFirst) {
      args.add("--kimberlite.ledger.integrate=false");
    }
    args.add("--logging.level.org.kimberlite=WARN");
    try (ConfigurableApplicationContext context = platform.start(args.toArray(String[]::new))) {
      if (integrateFirst) {
        TransparencyLog log = context.getBean(TransparencyLog.class);
        for (int i = 0; i < 600 && log.pending() > 0; i++) {
          Thread.sleep(100);
        }
      }
      AuditReport report = context.getBean(Audit.class).run(seen);
      System.out.printf(
          java.util.Locale.ROOT,
          "Audited %d log entries (tree size %d), %d records, %d checkpoints.%n",
          report.entries(),
          report.treeSize(),
          report.records(),
          report.checkpoints());
      if (!seen.isEmpty()) {
        System.out.println("Checked against " + seen.size() + " checkpoint(s) seen before.");
      }
      if (report.clean()) {
        System.out.println("OK: the database agrees with the transparency log.");
        return 0;
      }
      System.out.println("FOUND " + report.findings().size() + " PROBLEM(S):");
      for (AuditReport.Finding f : report.findings()) {
        System.out.println("  [" + f.kind() + "] " + f.where() + ": " + f.detail());
      }
      return 1;
    }
  }
}

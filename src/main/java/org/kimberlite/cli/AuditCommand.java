package org.kimberlite.cli;

import java.util.concurrent.Callable;
import org.kimberlite.ledger.Audit;
import org.kimberlite.ledger.AuditReport;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
  private final KimberliteCommand.Platform platform;

  AuditCommand(KimberliteCommand.Platform platform) {
    this.platform = platform;
  }

  @Override
  public Integer call() {
    var args = new java.util.ArrayList<>(options.springArgs());
    args.add("--spring.main.web-application-type=none");
    args.add("--kimberlite.ledger.integrate=false");
    args.add("--logging.level.org.kimberlite=WARN");
    try (ConfigurableApplicationContext context = platform.start(args.toArray(String[]::new))) {
      AuditReport report = context.getBean(Audit.class).run();
      System.out.printf(
          java.util.Locale.ROOT,
          "Audited %d log entries (tree size %d), %d records, %d checkpoints.%n",
          report.entries(),
          report.treeSize(),
          report.records(),
          report.checkpoints());
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

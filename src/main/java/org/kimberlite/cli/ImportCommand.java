package org.kimberlite.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.kimberlite.statistics.PublishedFigures;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Imports published reference data: {@code ./kimberlite import kp-stats FILE.csv}. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import published KP production figures (kp-stats CSV) as reference data.")
final class ImportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "KIND", description = "What to import: kp-stats")
  String kind = "";

  @Parameters(index = "1", paramLabel = "FILE", description = "The CSV file.")
  Path file = Path.of("");

  @Option(
      names = "--source",
      description =
          "Use this source_key for every year (default: per year, the source with most rows).")
  @Nullable String source;

  @Mixin ServerOptions options = new ServerOptions();
  private final KimberliteCommand.Platform platform;

  ImportCommand(KimberliteCommand.Platform platform) {
    this.platform = platform;
  }

  @Override
  public Integer call() throws IOException {
    if (!kind.equals("kp-stats")) {
      System.err.println("Unknown kind '" + kind + "'; this version imports: kp-stats");
      return 2;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> args = new ArrayList<>(options.springArgs());
    args.add("--spring.main.web-application-type=none");
    args.add("--kimberlite.ledger.integrate=false");
    args.add("--logging.level.org.kimberlite=WARN");
    try (ConfigurableApplicationContext context = platform.start(args.toArray(String[]::new))) {
      for (PublishedFigures.Imported i :
          context.getBean(PublishedFigures.class).importProductionCsv(lines, source)) {
        System.out.printf(
            java.util.Locale.ROOT,
            "%d  source %-12s %3d row(s) imported, %3d unchanged; world %s carats, USD %s%n",
            i.year(),
            i.source(),
            i.rows(),
            i.unchanged(),
            i.carats().toString(),
            i.valueUsd().toString());
      }
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("Cannot import " + file + ": " + e.getMessage());
      return 1;
    }
  }
}

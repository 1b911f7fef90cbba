package org.kimberlite.cli;

import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the platform until stopped. */
@Command(
    mixinStandardHelpOptions = true,
    name = "serve",
    description = "Start the platform (no demo data).")
final class ServeCommand implements Callable<Integer> {
  @Mixin ServerOptions options = new ServerOptions();
  private final KimberliteCommand.Platform platform;

  ServeCommand(KimberliteCommand.Platform platform) {
    this.platform = platform;
  }

  @Override
  public Integer call() throws InterruptedException {
    ConfigurableApplicationContext context =
        platform.start(options.springArgs().toArray(String[]::new));
    System.out.println(
        "Kimberlite is running at " + Running.baseUrl(context) + "  (Ctrl-C stops it)");
    Running.awaitClose(context);
    return 0;
  }
}

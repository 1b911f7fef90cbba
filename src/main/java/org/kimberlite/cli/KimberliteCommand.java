package org.kimberlite.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command; {@code ./kimberlite} runs it, {@code ./kimberlite test} is the launcher's. */
@Command(
    name = "kimberlite",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Kimberlite: KP e-certificates, diamond custody and a public transparency log.",
    subcommands = {ServeCommand.class, DemoCommand.class, VersionCommand.class},
    footer = {"", "The launcher also runs: ./kimberlite test   (the whole test suite)"})
public final class KimberliteCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  KimberliteCommand() {
    this.spec = CommandLine.Model.CommandSpec.create();
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs the command line and returns the process exit code. */
  public static int execute(String... args) {
    return new CommandLine(new KimberliteCommand()).execute(args);
  }
}

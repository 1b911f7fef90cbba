package org.kimberlite.cli;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command; {@code ./kimberlite} runs it, {@code ./kimberlite test} is the launcher's. */
@Command(
    name = "kimberlite",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Kimberlite: KP e-certificates, diamond custody and a public transparency log.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      FederationDemoCommand.class,
      FederationNodeCommand.class,
      AuditCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      ChaosCommand.class,
      LoadCommand.class,
      BenchCommand.class,
      ImportCommand.class,
      VerifyCommand.class,
      VerifyProofCommand.class,
      WitnessCommand.class,
      KeysCommand.class,
      VersionCommand.class
    },
    footer = {"", "The launcher also runs: ./kimberlite test   (the whole test suite)"})
public final class KimberliteCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Starts the platform with Spring arguments; given by the application class. */
  @FunctionalInterface
  public interface Platform {
    ConfigurableApplicationContext start(String... springArgs);
  }

  KimberliteCommand() {
    this.spec = CommandLine.Model.CommandSpec.create();
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs the command line and returns the process exit code. */
  public static int execute(Platform platform, String... args) {
    CommandLine commandLine = new CommandLine(new KimberliteCommand(), new Factory(platform));
    return commandLine.execute(args);
  }

  /** Hands the platform starter to the commands that start it. */
  private record Factory(Platform platform) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == ServeCommand.class) {
        return type.cast(new ServeCommand(platform));
      }
      if (type == DemoCommand.class) {
        return type.cast(new DemoCommand(platform));
      }
      if (type == FederationNodeCommand.class) {
        return type.cast(new FederationNodeCommand(platform));
      }
      if (type == AuditCommand.class) {
        return type.cast(new AuditCommand(platform));
      }
      if (type == RestoreCommand.class) {
        return type.cast(new RestoreCommand(platform));
      }
      if (type == ImportCommand.class) {
        return type.cast(new ImportCommand(platform));
      }
      if (type == KeysCommand.RotateMaster.class) {
        return type.cast(new KeysCommand.RotateMaster(platform));
      }
      if (type == KeysCommand.Status.class) {
        return type.cast(new KeysCommand.Status(platform));
      }
      if (type == BenchCommand.class) {
        return type.cast(new BenchCommand(platform));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}

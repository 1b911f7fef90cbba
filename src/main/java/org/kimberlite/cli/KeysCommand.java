package org.kimberlite.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.keys.MasterKey;
import org.kimberlite.shared.keys.MasterKeyFile;
import org.kimberlite.shared.keys.MasterKeyRotation;
import org.kimberlite.shared.keys.MasterKeyRotation.Retirement;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The master keyring: rotate it, retire old keys, and see what is sealed under which key. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Master key: rotate-master, status.",
    subcommands = {KeysCommand.RotateMaster.class, KeysCommand.Status.class})
final class KeysCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec = picocli.CommandLine.Model.CommandSpec.create();

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The key file of a data directory unless one is named. */
  static Path keyFile(ServerOptions options, @Nullable Path named) {
    return named != null ? named : options.dataDir().resolve("master.key");
  }

  /**
   * Without {@code --retire-old}: puts a new sealing key in front of the keyring file; running
   * servers take it up and re-seal in the background. With it: re-seals what is left, then removes
   * the old keys from the file, refusing while anything is still sealed under them.
   */
  @Command(
      name = "rotate-master",
      mixinStandardHelpOptions = true,
      description = {
        "Add a new master key that seals from now on; running servers re-read the keyring and"
            + " re-seal every secret under it in the background.",
        "With --retire-old: once everything is re-sealed, remove the old keys."
      })
  static final class RotateMaster implements Callable<Integer> {
    @Mixin ServerOptions options = new ServerOptions();

    @Option(
        names = "--master-key-file",
        description = "The keyring file (default: <data-dir>/master.key).")
    @Nullable Path file;

    @Option(
        names = "--retire-old",
        description =
            "Remove every key but the sealing one, after checking that nothing is sealed under"
                + " them (opens the database: with the embedded one, while no server runs).")
    boolean retireOld;

    private final KimberliteCommand.Platform platform;

    RotateMaster(KimberliteCommand.Platform platform) {
      this.platform = platform;
    }

    @Override
    public Integer call() throws IOException {
      Path keyFile = keyFile(options, file);
      if (System.getenv("KIMBERLITE_MASTER_KEY") != null
          && !System.getenv("KIMBERLITE_MASTER_KEY").isBlank()) {
        System.out.println(
            "The master key is given in KIMBERLITE_MASTER_KEY: rotate it there (new key first,"
                + " comma, the old ones) and restart the servers one at a time.");
        return 2;
      }
      if (!Files.exists(keyFile)) {
        System.out.println("No master key file " + keyFile);
        return 2;
      }
      if (!retireOld) {
        int id = MasterKeyFile.rotate(keyFile);
        System.out.println(
            "Master key "
                + MasterKey.hex(id)
                + " added to "
                + keyFile
                + " and seals from now on. Running servers re-read the keyring within"
                + " kimberlite.keys.reseal-interval and re-seal every secret under it in the"
                + " background; back up the file. Then: ./kimberlite keys rotate-master"
                + " --retire-old");
        return 0;
      }
      var args = new ArrayList<>(options.springArgs());
      args.add("--spring.main.web-application-type=none");
      args.add("--kimberlite.ledger.integrate=false");
      args.add("--logging.level.org.kimberlite=WARN");
      args.add("--kimberlite.keys.master-key-file=" + keyFile.toAbsolutePath());
      try (ConfigurableApplicationContext context = platform.start(args.toArray(String[]::new))) {
        Retirement outcome = context.getBean(MasterKeyRotation.class).retireOld();
        return switch (outcome) {
          case Retirement.Retired r -> {
            System.out.println("Retired master key(s) " + r.keys() + " from " + keyFile);
            yield 0;
          }
          case Retirement.NothingToRetire n -> {
            System.out.println("Nothing to retire: the keyring holds only its sealing key.");
            yield 0;
          }
          case Retirement.StillSealed s -> {
            System.out.println(
                "NOT RETIRED: secrets are still sealed under an old or unknown key.");
            print(s.status());
            yield 1;
          }
          case Retirement.NotInAFile n -> {
            System.out.println("The keyring is not kept in a file this command can change.");
            yield 2;
          }
        };
      }
    }
  }

  /** What is sealed under which master key; exit 1 when something is sealed under no known key. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description =
          "Show the keyring and what is sealed under which key (opens the database: with the"
              + " embedded one, while no server runs).")
  static final class Status implements Callable<Integer> {
    @Mixin ServerOptions options = new ServerOptions();
    private final KimberliteCommand.Platform platform;

    Status(KimberliteCommand.Platform platform) {
      this.platform = platform;
    }

    @Override
    public Integer call() {
      var args = new ArrayList<>(options.springArgs());
      args.add("--spring.main.web-application-type=none");
      args.add("--kimberlite.ledger.integrate=false");
      args.add("--logging.level.org.kimberlite=WARN");
      try (ConfigurableApplicationContext context = platform.start(args.toArray(String[]::new))) {
        MasterKeyRotation.Status status = context.getBean(MasterKeyRotation.class).status();
        print(status);
        return status.stranded().isEmpty() ? 0 : 1;
      }
    }
  }

  static void print(MasterKeyRotation.Status status) {
    System.out.println("Sealing key: " + status.sealingKey());
    System.out.println("Keys:        " + status.keys());
    System.out.println("Retired:     " + status.retired());
    for (Map.Entry<String, Map<String, Long>> e : status.sealed().entrySet()) {
      System.out.println("  " + e.getKey() + ": " + e.getValue());
    }
    if (!status.stranded().isEmpty()) {
      System.out.println(
          "SEALED UNDER NO KEY OF THE KEYRING (retired or unknown): " + status.stranded());
    }
  }
}

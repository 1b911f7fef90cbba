package org.kimberlite.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kimberlite.registry.demo.DemoWorld;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

/**
 * One node of {@code federation-demo}, run by it as a child process: the platform with the node's
 * settings (given as Spring arguments after the options) and the demo world's organisations and
 * accounts, without the demo's year of certificates, so that each node starts with only what the
 * walk across nodes makes. Hidden from the command list: {@code federation-demo} starts it.
 */
@Command(
    name = "federation-node",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "One node of federation-demo (started by it).")
final class FederationNodeCommand implements Callable<Integer> {
  /** The line a node prints once it serves requests and its accounts are written. */
  static final String READY = "Federation demo node ready at ";

  @Mixin ServerOptions options = new ServerOptions();

  @Unmatched List<String> settings = new ArrayList<>();

  private final KimberliteCommand.Platform platform;

  FederationNodeCommand(KimberliteCommand.Platform platform) {
    this.platform = platform;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path dataDir = options.dataDir();
    Files.createDirectories(dataDir);
    List<String> args = new ArrayList<>(options.springArgs());
    for (String s : settings) {
      if (!s.startsWith("--kimberlite.")) {
        System.err.println("federation-node: unknown argument " + s);
        return 2;
      }
      args.add(s);
    }
    ConfigurableApplicationContext context = platform.start(args.toArray(String[]::new));
    Path file = dataDir.toAbsolutePath().normalize().resolve(DemoCommand.ACCOUNTS_FILE);
    DemoWorld world = context.getBean(DemoWorld.class);
    if (!world.exists()) {
      DemoCommand.write(file, world.create());
    } else if (!Files.exists(file)) {
      System.out.println(
          "The demo world exists, but "
              + file
              + " is gone: delete "
              + dataDir
              + " and start again.");
    }
    System.out.println(READY + Running.baseUrl(context));
    Running.awaitClose(context);
    return 0;
  }
}

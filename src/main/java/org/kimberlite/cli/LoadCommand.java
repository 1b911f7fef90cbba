package org.kimberlite.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Sustained mixed load without faults: the chaos harness's writers (issues, confirmations, EPCIS
 * captures, each with an Idempotency-Key) and anonymous readers of the public pages, the API and
 * the log run against a child server for the given time while its metrics are sampled.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description =
        "Sustained mixed load (writes, captures, public reads) against a fresh demo server;"
            + " fails on any 5xx, late answer, lost or duplicated write, or growth of heap,"
            + " threads or connections.")
final class LoadCommand implements Callable<Integer> {
  @Option(names = "--minutes", description = "How long (default 10; 1 to 240).")
  int minutes = 10;

  @Option(names = "--database", description = "h2 (default) or postgres.")
  String database = "h2";

  @Option(names = "--writers", description = "Concurrent writers (default 4; 1 to 64).")
  int writers = 4;

  @Option(names = "--readers", description = "Concurrent public readers (default 4; 0 to 64).")
  int readers = 4;

  @Option(names = "--keep", description = "Keep the temporary data folder.")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    if (minutes < 1
        || minutes > 240
        || writers < 1
        || writers > 64
        || readers < 0
        || readers > 64) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this),
          "--minutes is 1 to 240, --writers 1 to 64, --readers 0 to 64");
    }
    ChaosCommand run = new ChaosCommand();
    run.database = database;
    run.clients = writers;
    run.keep = keep;
    run.load = Duration.ofMinutes(minutes);
    run.readers = readers;
    return run.call();
  }
}

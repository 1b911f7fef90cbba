package org.kimberlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kimberlite.cli.KimberliteCommand;
import org.kimberlite.support.Environment;

/**
 * A short {@code ./kimberlite chaos} inside the suite: kill -9 of the server under concurrent KP
 * writes on H2, and on PostgreSQL with one database restart under load. The command itself checks
 * that no acknowledged write is lost or stored twice, that no answer is a 5xx other than 503 with
 * Retry-After, that nothing hangs and that the log extends every checkpoint seen; its exit code
 * says so.
 */
class ChaosIT {
  @Test
  void killMinus9UnderWritesOnTheEmbeddedDatabase() {
    assertThat(
            KimberliteCommand.execute(
                KimberliteApplication::start, "chaos", "--rounds=3", "--quick", "--clients=3"))
        .isZero();
  }

  @Test
  void killMinus9AndADatabaseRestartOnPostgres() {
    Environment.require(Files.isDirectory(Path.of("/usr/lib/postgresql")), "PostgreSQL binaries");
    assertThat(
            KimberliteCommand.execute(
                KimberliteApplication::start,
                "chaos",
                "--database=postgres",
                "--rounds=2",
                "--quick",
                "--clients=3"))
        .isZero();
  }
}

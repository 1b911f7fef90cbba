package org.kimberlite.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * A database of the same kind as the server's, for the raw baselines: plain JDBC, no platform in
 * between. It gets the platform's own schema (the same Flyway migrations) so the baseline writes
 * the same tables with the same indexes and constraints.
 */
record BenchDatabase(String url, String user, String password) {

  /** An embedded H2 file database in {@code dir}, with the settings the platform uses. */
  static BenchDatabase h2(java.nio.file.Path dir, String name) {
    return new BenchDatabase(
        "jdbc:h2:file:"
            + dir.resolve(name).toAbsolutePath()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;"
            + "DB_CLOSE_ON_EXIT=FALSE",
        "sa",
        "");
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** Flyway's own logging, through java.util.logging and held at warnings. */
  private static final java.util.logging.Logger FLYWAY_LOG =
      java.util.logging.Logger.getLogger("org.flywaydb");

  void migrate() {
    FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    Flyway.configure()
        .loggers("org.flywaydb.core.internal.logging.javautil.JavaUtilLogCreator")
        .dataSource(url, user, password)
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }
}

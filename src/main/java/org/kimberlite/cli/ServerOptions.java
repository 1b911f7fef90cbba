package org.kimberlite.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Options shared by the commands that start the platform. */
final class ServerOptions {
  @Option(
      names = "--port",
      description = "HTTP port (default: $KIMBERLITE_PORT or 8080; 0 picks a free one).")
  @Nullable Integer port;

  @Option(
      names = "--host",
      description = "Address to listen on (default: $KIMBERLITE_HOST or 127.0.0.1).")
  @Nullable String host;

  @Option(
      names = "--data-dir",
      description = "Folder for the embedded database and demo files (default: ./data).")
  @Nullable Path dataDir;

  @Option(
      names = "--db-url",
      description = "JDBC URL of the database (default: $KIMBERLITE_DB_URL or embedded H2).")
  @Nullable String dbUrl;

  Path dataDir() {
    if (dataDir != null) {
      return dataDir;
    }
    String env = System.getenv("KIMBERLITE_DATA_DIR");
    return Path.of(env == null || env.isBlank() ? "data" : env);
  }

  /**
   * The JDBC URL the platform would use: {@code --db-url}, else {@code $KIMBERLITE_DB_URL}, else
   * the embedded database in the data folder (the same URL as in application.properties).
   */
  String jdbcUrl() {
    if (dbUrl != null) {
      return dbUrl;
    }
    String env = System.getenv("KIMBERLITE_DB_URL");
    if (env != null && !env.isBlank()) {
      return env;
    }
    return "jdbc:h2:file:"
        + dataDir().toAbsolutePath().normalize().resolve("kimberlite")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
        + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  String dbUser() {
    String env = System.getenv("KIMBERLITE_DB_USER");
    return env == null ? "sa" : env;
  }

  String dbPassword() {
    String env = System.getenv("KIMBERLITE_DB_PASSWORD");
    return env == null ? "" : env;
  }

  /** The options as Spring Boot arguments. */
  List<String> springArgs() {
    List<String> args = new ArrayList<>();
    if (port != null) {
      args.add("--server.port=" + port);
    }
    if (host != null) {
      args.add("--server.address=" + host);
    }
    args.add("--kimberlite.data-dir=" + dataDir().toAbsolutePath().normalize());
    if (dbUrl != null) {
      args.add("--spring.datasource.url=" + dbUrl);
    }
    return args;
  }
}

package org.kimberlite.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL for the test JVM, started from the installed binaries (initdb and pg_ctl,
 * as the postgres user when the tests run as root) and stopped when the JVM exits. {@code
 * KIMBERLITE_TEST_PG_URL} (with {@code _USER}, {@code _PASSWORD}) points at an existing server
 * instead.
 */
public final class PostgresServer {
  private static final String USER = "kimberlite";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static PostgresServer instance;
  private static String unavailable;

  private final String baseUrl;
  private final String user;
  private final String password;

  private PostgresServer(String baseUrl, String user, String password) {
    this.baseUrl = baseUrl;
    this.user = user;
    this.password = password;
  }

  /** The server, starting it on first use; skips (or fails under CI) when there is none. */
  public static synchronized PostgresServer get() {
    if (instance == null && unavailable == null) {
      try {
        instance = start();
      } catch (Exception e) {
        unavailable = "PostgreSQL (" + e.getMessage() + ")";
      }
    }
    Environment.require(instance != null, unavailable == null ? "PostgreSQL" : unavailable);
    return instance;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** Environment variables that give a child server this server's credentials. */
  public java.util.Map<String, String> environment() {
    return java.util.Map.of("KIMBERLITE_DB_USER", user, "KIMBERLITE_DB_PASSWORD", password);
  }

  /** A new, empty database; returns its JDBC URL. */
  public String createDatabase() {
    String name = "kbl_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(baseUrl + "postgres", user, password);
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name, e);
    }
    return baseUrl + name;
  }

  private static PostgresServer start() throws IOException, InterruptedException {
    String external = System.getenv("KIMBERLITE_TEST_PG_URL");
    if (external != null && !external.isBlank()) {
      String base =
          external.endsWith("/") ? external : external.substring(0, external.lastIndexOf('/') + 1);
      return new PostgresServer(
          base,
          System.getenv().getOrDefault("KIMBERLITE_TEST_PG_USER", "postgres"),
          System.getenv().getOrDefault("KIMBERLITE_TEST_PG_PASSWORD", ""));
    }
    Path bin = binaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("kimberlite-pg-");
    if (root) {
      run(List.of("chown", "postgres:postgres", dir.toString()), false);
    }
    run(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-U",
            USER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync"),
        root);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-l",
            dir.resolve("server.log").toString(),
            "-w",
            "-t",
            "60",
            "-o",
            "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=200",
            "start"),
        root);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    awaitSpringContextsClosed();
                    run(
                        List.of(
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            dir.resolve("data").toString(),
                            "-m",
                            "immediate",
                            "stop"),
                        root);
                    deleteTree(dir);
                  } catch (Exception e) {
                    System.err.println("Could not stop the test PostgreSQL: " + e.getMessage());
                  }
                }));
    return new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/", USER, "");
  }

  /**
   * Shutdown hooks run in parallel: the test contexts Spring keeps cached close in a hook of their
   * own, and each one on PostgreSQL asks its pool for a connection while closing (the event
   * publication registry lists unfinished publications). With the cluster already stopped each such
   * close waits out the pool's connection timeout, and the test JVM outlived Surefire's 30 seconds.
   * Let Spring's hook finish first, for at most 20 seconds (none: half a second).
   */
  private static void awaitSpringContextsClosed() throws InterruptedException {
    // All hooks are started together, in no given order: give Spring's a moment to appear.
    long deadline = System.nanoTime() + Duration.ofMillis(500).toNanos();
    do {
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.getName().equals("SpringApplicationShutdownHook")) {
          t.join(Duration.ofSeconds(20));
          return;
        }
      }
      Thread.sleep(20);
    } while (System.nanoTime() < deadline);
  }

  private static Path binaries() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      throw new IOException("no binaries under /usr/lib/postgresql");
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(
              Comparator.comparing(
                  b ->
                      Integer.parseInt(
                          b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
          .orElseThrow(() -> new IOException("no initdb under /usr/lib/postgresql"));
    }
  }

  private static void run(List<String> command, boolean asPostgres)
      throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out.strip());
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}

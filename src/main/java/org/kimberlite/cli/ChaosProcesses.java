package org.kimberlite.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The processes {@code ./kimberlite chaos} starts, kills and restarts. */
final class ChaosProcesses {
  private ChaosProcesses() {}

  /** Whether a command's {@code --database} option asks for PostgreSQL (h2 or postgres). */
  static boolean postgres(String database, Object command) {
    return switch (database.toLowerCase(java.util.Locale.ROOT)) {
      case "h2" -> false;
      case "postgres", "postgresql" -> true;
      default ->
          throw new picocli.CommandLine.ParameterException(
              new picocli.CommandLine(command), "--database must be h2 or postgres");
    };
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The platform in a child JVM, started the way this JVM was (a jar, or a class path). */
  static final class Server {
    private final Path dataDir;
    private final int port;
    private final int managementPort;
    private final List<String> args;
    private final Map<String, String> env;
    private final List<String> jvmOptions;
    private @Nullable Process process;
    private int started;

    Server(Path dataDir, int port, List<String> args, Map<String, String> env) throws IOException {
      this(dataDir, port, args, env, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"));
    }

    Server(
        Path dataDir, int port, List<String> args, Map<String, String> env, List<String> jvmOptions)
        throws IOException {
      this.dataDir = dataDir;
      this.port = port;
      this.managementPort = freePort();
      this.args = List.copyOf(args);
      this.env = Map.copyOf(env);
      this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** The child's process id, or -1 when it is not running. */
    long pid() {
      Process p = process;
      return p == null || !p.isAlive() ? -1 : p.pid();
    }

    String base() {
      return "http://127.0.0.1:" + port;
    }

    /** The loopback management port (metrics, full health), one of its own per server. */
    String management() {
      return "http://127.0.0.1:" + managementPort;
    }

    void start(String command) throws IOException {
      List<String> cmd = new ArrayList<>();
      cmd.add(ProcessHandle.current().info().command().orElse("java"));
      cmd.addAll(jvmOptions);
      String classPath = System.getProperty("java.class.path", "");
      if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
        cmd.addAll(List.of("-jar", classPath));
      } else {
        cmd.addAll(List.of("-cp", classPath, "org.kimberlite.KimberliteApplication"));
      }
      cmd.addAll(List.of(command, "--data-dir=" + dataDir, "--port=" + port));
      cmd.addAll(args);
      Path log = dataDir.resolve("server-" + (++started) + ".log");
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().put("KIMBERLITE_MANAGEMENT_PORT", Integer.toString(managementPort));
      pb.environment().putAll(env);
      process =
          pb.redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
              .start();
    }

    /** Waits until the server answers a public read; returns false if it died or took too long. */
    @org.kimberlite.shared.SuppressForbidden("a command polling a child process")
    boolean awaitReady(HttpClient http, Duration patience, @Nullable String logLine)
        throws InterruptedException, IOException {
      Instant deadline = Clock.systemUTC().instant().plus(patience);
      while (Clock.systemUTC().instant().isBefore(deadline)) {
        Process p = process;
        if (p == null || !p.isAlive()) {
          return false;
        }
        try {
          HttpResponse<Void> r =
              http.send(
                  HttpRequest.newBuilder(URI.create(base() + "/api/v1/participants"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
          if (r.statusCode() == 200 && (logLine == null || log().contains(logLine))) {
            return true;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(100);
      }
      return false;
    }

    /**
     * SIGTERM, then SIGKILL if it has not ended within {@code grace}: shutdown hooks run (a flight
     * recording is written).
     */
    void stop(Duration grace) throws InterruptedException {
      Process p = process;
      if (p != null) {
        p.destroy();
        if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          kill();
        }
      }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
      Process p = process;
      if (p != null) {
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
      }
    }

    String tail() throws IOException {
      String text = log();
      return text.substring(Math.max(0, text.length() - 3000));
    }

    private String log() throws IOException {
      Path log = dataDir.resolve("server-" + started + ".log");
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
  }

  /**
   * A throwaway PostgreSQL cluster from the installed binaries ({@code
   * /usr/lib/postgresql/<v>/bin}, run as the postgres user when this runs as root), which chaos
   * stops and starts under load.
   */
  static final class Postgres {
    private static final String USER = "kimberlite";
    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean root;

    private Postgres(Path bin, Path dir, int port, boolean root) {
      this.bin = bin;
      this.dir = dir;
      this.port = port;
      this.root = root;
    }

    static Postgres create(Path dir) throws IOException, InterruptedException {
      Path bin = binaries();
      boolean root = "root".equals(System.getProperty("user.name"));
      Files.createDirectories(dir);
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
      Postgres pg = new Postgres(bin, dir, freePort(), root);
      pg.start();
      run(
          List.of(
              bin.resolve("psql").toString(),
              "-h",
              "127.0.0.1",
              "-p",
              Integer.toString(pg.port),
              "-U",
              USER,
              "-d",
              "postgres",
              "-c",
              "create database kimberlite"),
          root);
      return pg;
    }

    String url() {
      return url("kimberlite");
    }

    String url(String database) {
      return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates another database in the cluster (a name of letters, digits and underscores). */
    void createDatabase(String name) throws IOException, InterruptedException {
      if (!name.matches("[a-z][a-z0-9_]{0,30}")) {
        throw new IllegalArgumentException("database name " + name);
      }
      run(
          List.of(
              bin.resolve("psql").toString(),
              "-h",
              "127.0.0.1",
              "-p",
              Integer.toString(port),
              "-U",
              USER,
              "-d",
              "postgres",
              "-c",
              "create database " + name),
          root);
    }

    String user() {
      return USER;
    }

    Map<String, String> environment() {
      return Map.of("KIMBERLITE_DB_USER", USER, "KIMBERLITE_DB_PASSWORD", "");
    }

    void start() throws IOException, InterruptedException {
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
              "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=100",
              "start"),
          root);
    }

    /** Stops the cluster; {@code fast} ends sessions cleanly, otherwise it is an immediate stop. */
    void stop(boolean fast) throws IOException, InterruptedException {
      run(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "-D",
              dir.resolve("data").toString(),
              "-m",
              fast ? "fast" : "immediate",
              "-w",
              "stop"),
          root);
    }

    void destroy() {
      try {
        stop(false);
      } catch (IOException | InterruptedException e) {
        // already stopped
      }
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary folder left behind
      }
    }

    private static Path binaries() throws IOException {
      Path root = Path.of("/usr/lib/postgresql");
      if (!Files.isDirectory(root)) {
        throw new IOException("no PostgreSQL binaries under /usr/lib/postgresql");
      }
      try (Stream<Path> versions = Files.list(root)) {
        return versions
            .map(v -> v.resolve("bin"))
            .filter(b -> Files.isExecutable(b.resolve("initdb")))
            .max(Comparator.comparing(b -> b.getParent().getFileName().toString()))
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
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + out.strip());
      }
    }
  }
}

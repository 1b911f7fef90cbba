package org.kimberlite.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.kimberlite.KimberliteApplication;
import tools.jackson.databind.JsonNode;

/**
 * The platform in a child JVM, as a user runs it ({@code demo}, {@code serve}, {@code audit}), so
 * tests can kill it with SIGKILL and start it again on the same storage.
 */
public final class ChildServer implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final Api api;

  private ChildServer(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.api = new Api("http://127.0.0.1:" + port);
  }

  /** Starts {@code command} with the given data folder, port, arguments and environment. */
  public static ChildServer start(
      String command, Path dataDir, int port, List<String> args, Map<String, String> env)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(
        List.of(
            "-Xmx512m",
            // The quick compiler only, as ChaosProcesses does: most children live for seconds (a
            // backup, a restore, an audit) or until a kill, and on two cores the optimising
            // compiler's threads slowed every start.
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            KimberliteApplication.class.getName(),
            command,
            "--data-dir=" + dataDir));
    if (port > 0) {
      cmd.add("--port=" + port);
    }
    cmd.addAll(args);
    Path log = dataDir.resolve(command + "-" + System.nanoTime() + ".log");
    Files.createDirectories(dataDir);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    // Several servers run at once in tests: each takes a free management port unless told.
    pb.environment().put("KIMBERLITE_MANAGEMENT_PORT", "0");
    pb.environment().putAll(env);
    Process p =
        pb.redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
            .start();
    return new ChildServer(p, log, port);
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public Api api() {
    return api;
  }

  public Process process() {
    return process;
  }

  /** Waits until the server answers and, if given, {@code file} exists. */
  public ChildServer awaitReady(Path file) throws InterruptedException, IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The server exited: " + tail());
      }
      try {
        if (api.get("/api/v1/participants").status() == 200
            && (file == null || Files.exists(file))) {
          return this;
        }
      } catch (UncheckedIOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("The server did not become ready: " + tail());
  }

  /** SIGKILL: no shutdown hook, no flush, no close. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Waits for a command that ends by itself (audit) and returns its exit code. */
  public int awaitExit() throws InterruptedException, IOException {
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("The command did not end: " + tail());
    }
    return process.exitValue();
  }

  public String tail() throws IOException {
    String text = Files.exists(log) ? Files.readString(log) : "";
    return text.substring(Math.max(0, text.length() - 4000));
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A demo account's password from {@code demo-accounts.json}. */
  public static String demoPassword(Path dataDir, String username) throws IOException {
    for (JsonNode a : Api.JSON.readTree(dataDir.resolve("demo-accounts.json").toFile())) {
      if (a.get("username").asString().equals(username)) {
        return a.get("password").asString();
      }
    }
    throw new IllegalStateException("no demo account " + username);
  }

  /** A bearer token for a demo account. */
  public String token(Path dataDir, String username) throws IOException {
    Api.Answer token =
        api.post(
            "/api/v1/auth/token",
            Map.of("username", username, "password", demoPassword(dataDir, username)));
    if (token.status() != 201) {
      throw new IllegalStateException("no token: " + token.body());
    }
    return token.json().get("token").asString();
  }
}

package org.kimberlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kimberlite.support.Api;
import org.kimberlite.support.PostgresServer;
import tools.jackson.databind.JsonNode;

/**
 * No acknowledged write is lost when the server process is killed with SIGKILL: a child JVM runs
 * the platform, a writer gets 201s for new participants, the child is killed in the middle of the
 * writes, and a new child on the same storage must hold every acknowledged one.
 */
class DurabilityIT {
  @TempDir Path dir;

  @Test
  void acknowledgedWritesSurviveKillMinus9OnTheEmbeddedDatabase() throws Exception {
    killAndRestart(List.of());
  }

  @Test
  void acknowledgedWritesSurviveKillMinus9OnPostgres() throws Exception {
    PostgresServer pg = PostgresServer.get();
    killAndRestart(
        List.of(
            "--db-url=" + pg.createDatabase(),
            "--spring.datasource.username=" + pg.user(),
            "--spring.datasource.password=" + pg.password()));
  }

  private void killAndRestart(List<String> storage) throws Exception {
    int port = freePort();
    Process first = start("demo", port, storage);
    Api api = new Api("http://127.0.0.1:" + port);
    List<String> acknowledged = new CopyOnWriteArrayList<>();
    Thread writer;
    try {
      awaitReady(first, api, dir.resolve("demo-accounts.json"));
      Api secretariat = api.withToken(secretariatToken(api));
      List<String> codes = unusedCountryCodes(api);
      AtomicBoolean stop = new AtomicBoolean();
      writer =
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (String code : codes) {
                      if (stop.get()) {
                        return;
                      }
                      try {
                        Api.Answer a =
                            secretariat.post(
                                "/api/v1/participants",
                                Map.of(
                                    "code",
                                    code,
                                    "name",
                                    "Durability test " + code,
                                    "admittedOn",
                                    "2026-01-01",
                                    "reason",
                                    "written before kill -9"));
                        if (a.status() == 201) {
                          acknowledged.add(code);
                        }
                      } catch (RuntimeException connectionLost) {
                        return;
                      }
                    }
                  });
      Instant deadline = Instant.now().plusSeconds(60);
      while (acknowledged.size() < 25 && Instant.now().isBefore(deadline) && writer.isAlive()) {
        Thread.sleep(5);
      }
    } finally {
      first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush, no close.
      first.waitFor(30, TimeUnit.SECONDS);
    }
    writer.join(30_000);
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(25);

    Process second = start("serve", port, storage);
    try {
      awaitReady(second, api, null);
      Set<String> present = new TreeSet<>();
      for (JsonNode p : api.get("/api/v1/participants").json()) {
        present.add(p.get("code").asString());
      }
      assertThat(present).containsAll(acknowledged);
      // The demo world written before the first write is intact too.
      assertThat(
              api.post(
                      "/api/v1/auth/token",
                      Map.of("username", "kp-secretariat", "password", secretariatPassword()))
                  .status())
          .isEqualTo(201);
    } finally {
      second.destroyForcibly();
      second.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private Process start(String command, int port, List<String> storage) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>();
    cmd.addAll(
        List.of(
            java,
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            KimberliteApplication.class.getName(),
            command,
            "--port=" + port,
            "--data-dir=" + dir));
    for (String s : storage) {
      if (s.startsWith("--db-url=")) {
        cmd.add(s);
      }
    }
    List<String> springArgs = storage.stream().filter(s -> !s.startsWith("--db-url=")).toList();
    ProcessBuilder pb = new ProcessBuilder(cmd);
    if (!springArgs.isEmpty()) {
      pb.environment()
          .put("SPRING_DATASOURCE_USERNAME", value(springArgs, "--spring.datasource.username="));
      pb.environment()
          .put("SPRING_DATASOURCE_PASSWORD", value(springArgs, "--spring.datasource.password="));
    }
    return pb.redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(command + ".log").toFile()))
        .start();
  }

  private static String value(List<String> args, String prefix) {
    return args.stream()
        .filter(a -> a.startsWith(prefix))
        .map(a -> a.substring(prefix.length()))
        .findFirst()
        .orElse("");
  }

  private void awaitReady(Process process, Api api, Path file) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The server exited: " + log());
      }
      try {
        if (api.get("/api/v1/participants").status() == 200
            && (file == null || Files.exists(file))) {
          return;
        }
      } catch (UncheckedIOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("The server did not become ready: " + log());
  }

  private String log() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String name : List.of("demo.log", "serve.log")) {
      Path p = dir.resolve(name);
      if (Files.exists(p)) {
        String text = Files.readString(p);
        sb.append(text, Math.max(0, text.length() - 4000), text.length());
      }
    }
    return sb.toString();
  }

  private String secretariatPassword() throws IOException {
    for (JsonNode a : Api.JSON.readTree(dir.resolve("demo-accounts.json").toFile())) {
      if (a.get("role").asString().equals("KP_SECRETARIAT")) {
        return a.get("password").asString();
      }
    }
    throw new IllegalStateException("no secretariat in the demo accounts");
  }

  private String secretariatToken(Api api) throws IOException {
    Api.Answer token =
        api.post(
            "/api/v1/auth/token",
            Map.of("username", "kp-secretariat", "password", secretariatPassword()));
    assertThat(token.status()).isEqualTo(201);
    return token.json().get("token").asString();
  }

  private static List<String> unusedCountryCodes(Api api) {
    Set<String> taken = new TreeSet<>();
    for (JsonNode p : api.get("/api/v1/participants").json()) {
      taken.add(p.get("code").asString());
    }
    List<String> out = new ArrayList<>();
    for (String code : Locale.getISOCountries()) {
      if (!taken.contains(code) && api.get("/api/v1/countries/" + code).status() == 404) {
        out.add(code);
      }
    }
    return out;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

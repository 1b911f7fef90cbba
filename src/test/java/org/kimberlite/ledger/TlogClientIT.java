package org.kimberlite.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kimberlite.registry.DemoAccount;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.demo.DemoWorld;
import org.kimberlite.support.Api;
import org.kimberlite.support.Environment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An independent client — {@code src/test/python/tlog_client.py}, Python's standard library only,
 * no code shared with the server — verifies the demo's log: checkpoint signature with the key from
 * {@code /log/vkey}, tiles against the root, entries and their inclusion, and consistency between a
 * checkpoint taken before and one taken after new records.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
class TlogClientIT {
  static final Path CLIENT = Path.of("src/test/python/tlog_client.py");

  @LocalServerPort int port;
  @Autowired DemoWorld demo;
  @Autowired TransparencyLog log;
  @TempDir Path dir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:tlog-client-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
  }

  @BeforeAll
  static void python() {
    boolean available;
    try {
      available = new ProcessBuilder("python3", "--version").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      available = false;
    }
    Environment.require(available, "python3");
  }

  record Run(int exit, String output) {}

  @Test
  void theClientsOwnCryptographyAndMerkleCodePassTheirVectors() throws Exception {
    // The published vectors the project vendors (with their licences), so no shared/ is needed.
    Path corpus = Path.of("src/test/resources/vectors");
    ProcessBuilder pb = new ProcessBuilder("python3", CLIENT.toString(), "--self-test");
    pb.environment().put("TLOG_CORPUS", corpus.toAbsolutePath().toString());
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).doesNotContain("skipped");
  }

  Run client(String vkey, String... extra) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("python3", CLIENT.toString()));
    cmd.addAll(List.of("--log-url", "http://127.0.0.1:" + port + "/log", "--vkey", vkey));
    cmd.addAll(List.of(extra));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }

  void awaitIntegrated() throws InterruptedException {
    for (int i = 0; i < 400 && (log.pending() > 0 || log.signedSize() == 0); i++) {
      Thread.sleep(25);
    }
    assertThat(log.pending()).isZero();
  }

  @Test
  void anIndependentClientVerifiesTheDemosLogAndItsGrowth() throws Exception {
    List<DemoAccount> accounts = demo.exists() ? List.of() : demo.create();
    awaitIntegrated();
    Api api = new Api("http://127.0.0.1:" + port);
    String vkey = api.get("/log/vkey").body().strip();
    Path state = dir.resolve("state");

    Run first = client(vkey, "--state", state.toString());
    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(first.output()).contains("OK: log " + log.origin() + " verified at size");
    assertThat(Files.exists(state)).isTrue();

    DemoAccount secretariat =
        accounts.stream()
            .filter(a -> a.role() == OrganisationRole.KP_SECRETARIAT)
            .findFirst()
            .orElseThrow();
    String token =
        api.post(
                "/api/v1/auth/token",
                Map.of("username", secretariat.username(), "password", secretariat.password()))
            .json()
            .get("token")
            .asString();
    for (String code : List.of("KE", "ZM", "MZ")) {
      assertThat(
              api.withToken(token)
                  .post(
                      "/api/v1/participants",
                      Map.of("code", code, "name", code, "admittedOn", "2026-07-01", "reason", "t"))
                  .status())
          .isEqualTo(201);
    }
    awaitIntegrated();
    Run second = client(vkey, "--state", state.toString());
    assertThat(second.exit()).as(second.output()).isZero();
    assertThat(second.output()).contains("consistency OK");

    // A key that did not sign the log is refused.
    String stranger = NoteSigner.generate(log.origin()).vkey();
    Run wrongKey = client(stranger);
    assertThat(wrongKey.exit()).as(wrongKey.output()).isEqualTo(1);
    assertThat(wrongKey.output()).contains("FAIL");
  }
}

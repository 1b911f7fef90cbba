package org.kimberlite.diligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kimberlite.certification.demo.CertificationDemo;
import org.kimberlite.custody.demo.CustodyDemo;
import org.kimberlite.registry.DemoAccount;
import org.kimberlite.registry.demo.DemoWorld;
import org.kimberlite.statistics.demo.StatisticsDemo;
import org.kimberlite.support.Api;
import org.kimberlite.support.Api.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The demo world's planted red flags (docs/diligence.md): after the demo, due diligence raises each
 * of the five from the demo's facts, under its rule, with its evidence and the organisation or
 * participant it concerns; an account the demo prints answers it; and the twins raise nothing: the
 * compliant demo companies no DD-03, the producers that reported their production no DD-02, the
 * ordinary re-exports no DD-05.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
class DiligenceDemoH2IT {
  static final Duration DEADLINE = Duration.ofSeconds(60);

  @LocalServerPort int port;
  @Autowired DemoWorld world;
  @Autowired StatisticsDemo statistics;
  @Autowired CertificationDemo certification;
  @Autowired CustodyDemo custody;
  @Autowired JdbcClient jdbc;

  static @Nullable Map<String, DemoAccount> accounts;
  static @Nullable Map<String, String> planted;
  static final Map<String, Api> clients = new HashMap<>();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:diligence-demo-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
  }

  @BeforeEach
  void runTheDemoOnce() throws InterruptedException {
    if (accounts != null) {
      return;
    }
    List<DemoAccount> created = world.create();
    statistics.create();
    CertificationDemo.Created certificates = certification.create(created);
    CustodyDemo.Summary summary = custody.create(created);
    assertThat(summary.failures()).isEmpty();
    Map<String, String> byRule = new HashMap<>();
    certificates.planted().forEach(p -> byRule.put(p.rule(), p.certificate()));
    assertThat(byRule.keySet()).containsExactlyInAnyOrder("DD-05", "DD-02", "STAT-02");
    assertThat(summary.planted())
        .anyMatch(p -> !p.refused() && p.rules().equals(List.of("LGD-04")));
    Map<String, DemoAccount> byUser = new HashMap<>();
    created.forEach(a -> byUser.put(a.username(), a));
    planted = byRule;
    accounts = byUser;
  }

  Api api(String username) {
    return clients.computeIfAbsent(
        username,
        u -> {
          Api anonymous = new Api("http://127.0.0.1:" + port);
          Answer a =
              anonymous.post(
                  "/api/v1/auth/token",
                  Map.of("username", u, "password", accounts.get(u).password()));
          assertThat(a.status()).as(a.body()).isEqualTo(201);
          return anonymous.withToken(a.json().get("token").asString());
        });
  }

  UUID org(String username) {
    return accounts.get(username).organisationId();
  }

  List<JsonNode> findings(String username, String rule) {
    List<JsonNode> out = new ArrayList<>();
    for (int page = 0; ; page++) {
      Answer a = api(username).get("/api/v1/findings?rule=" + rule + "&size=100&page=" + page);
      assertThat(a.status()).as(a.body()).isEqualTo(200);
      a.json().get("findings").forEach(out::add);
      if (a.json().get("findings").size() < 100) {
        return out;
      }
    }
  }

  JsonNode awaitFinding(String username, String rule, Predicate<JsonNode> which) {
    await()
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(200))
        .alias(rule + " seen by " + username)
        .until(() -> findings(username, rule).stream().anyMatch(which));
    return findings(username, rule).stream().filter(which).findFirst().orElseThrow();
  }

  static boolean names(JsonNode finding, String kind, String ref) {
    for (JsonNode e : finding.get("evidence")) {
      if (e.get("kind").asString().equals(kind) && e.get("ref").asString().equals(ref)) {
        return true;
      }
    }
    return false;
  }

  static boolean hasEvidence(JsonNode finding, String kind) {
    for (JsonNode e : finding.get("evidence")) {
      if (e.get("kind").asString().equals(kind)) {
        return true;
      }
    }
    return false;
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  /** The demo account answers the finding; it shows the response and is RESPONDED. */
  void answer(String username, JsonNode finding) {
    Answer a =
        api(username)
            .post(
                "/api/v1/findings/" + finding.get("id").asString() + "/responses",
                Map.of(
                    "decision",
                    "CONTINUE",
                    "responder",
                    "Demo compliance officer of " + username,
                    "plan",
                    "Documents asked from the party concerned; enhanced checks on its shipments",
                    "reviewOn",
                    LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString()));
    assertThat(a.status()).as(username + ": " + a.body()).isIn(200, 201);
    assertThat(a.json().get("status").asString()).isEqualTo("RESPONDED");
    assertThat(a.json().get("responses")).hasSize(1);
  }

  void settled() {
    DiligenceContract.settled(jdbc, "the demo");
  }

  @Test
  void anOverValuedReExportIsFlaggedAndAnswered() {
    String number = planted.get("DD-05");
    JsonNode f = awaitFinding("schelde-rough", "DD-05", x -> names(x, "certificate", number));
    assertThat(f.get("summary").asString()).contains(number).contains("matching import");
    assertThat(strings(f.get("organisations"))).contains(org("schelde-rough").toString());
    assertThat(strings(f.get("participants"))).containsExactly("EU");
    assertThat(f.get("evidence").size()).as("the matching imports as evidence").isGreaterThan(1);
    answer("kp-eu-be", f);
  }

  @Test
  void anOriginClaimedBeyondProductionIsFlaggedAndAnswered() {
    String number = planted.get("DD-02");
    JsonNode f = awaitFinding("creek-diamonds", "DD-02", x -> names(x, "certificate", number));
    assertThat(strings(f.get("participants"))).containsExactly("AE");
    assertThat(strings(f.get("organisations"))).contains(org("creek-diamonds").toString());
    assertThat(hasEvidence(f, "statistics")).isTrue();
    assertThat(f.get("summary").asString()).contains("AE certified").contains("own origin");
    answer("creek-diamonds", f);
  }

  @Test
  void aCounterpartyWhoseRjcCertificationLapsedIsFlaggedAndAnswered() {
    String lapsed = org(DemoWorld.LAPSED_RJC).toString();
    JsonNode f = awaitFinding("schelde-rough", "DD-03", x -> names(x, "organisation", lapsed));
    assertThat(f.get("summary").asString()).contains("lapsed on").doesNotContain("has no");
    assertThat(strings(f.get("organisations")))
        .containsExactlyInAnyOrder(lapsed, org("schelde-rough").toString());
    assertThat(strings(f.get("participants"))).containsExactlyInAnyOrder("ZA", "EU");
    assertThat(hasEvidence(f, "certificate")).isTrue();
    answer("schelde-rough", f);
  }

  @Test
  void aLaboratoryGrownStoneDownstreamOfANaturalLotIsFlaggedAndAnswered() {
    String tapti = org("tapti-diamonds").toString();
    JsonNode f =
        awaitFinding(
            "tapti-diamonds", "LGD-04", x -> strings(x.get("organisations")).contains(tapti));
    assertThat(hasEvidence(f, "event")).isTrue();
    assertThat(names(f, "organisation", tapti)).isTrue();
    assertThat(strings(f.get("participants"))).containsExactly("IN");
    // Every upstream holder has one: the mines of the natural lot too.
    awaitFinding(
        "kalahari-mining",
        "LGD-04",
        x -> strings(x.get("organisations")).contains(org("kalahari-mining").toString()));
    answer("tapti-diamonds", f);
  }

  @Test
  void aMirrorMismatchBetweenAnExportAndItsImportIsFlaggedAndAnswered() {
    JsonNode f =
        awaitFinding("kp-ca", "STAT-02", x -> x.get("summary").asString().contains("CA → AE"));
    assertThat(strings(f.get("participants"))).containsExactlyInAnyOrder("CA", "AE");
    assertThat(f.get("evidence"))
        .extracting(e -> e.get("kind").asString() + " " + e.get("ref").asString())
        .anyMatch(e -> e.startsWith("statistics CA/"))
        .anyMatch(e -> e.startsWith("statistics AE/"));
    // The UAE's authority sees it as well.
    awaitFinding("kp-ae", "STAT-02", x -> x.get("id").equals(f.get("id")));
    answer("kp-ca", f);
  }

  /**
   * The twins: the compliant demo companies raise no DD-03 (only the planted lapse does), the
   * producers that reported their production no DD-02 (only the planted UAE origin does), and the
   * re-exports at the trading centres' ordinary margin no DD-05 (only the planted one does).
   */
  @Test
  void theCompliantCompaniesAndReportingProducersRaiseNothing() {
    awaitFinding(
        "kp-secretariat",
        "DD-03",
        x -> names(x, "organisation", org(DemoWorld.LAPSED_RJC).toString()));
    settled();
    List<JsonNode> dd03 = findings("kp-secretariat", "DD-03");
    assertThat(dd03).isNotEmpty();
    for (JsonNode f : dd03) {
      assertThat(f.get("evidence").get(0).get("ref").asString())
          .as(f.get("summary").asString())
          .isEqualTo(org(DemoWorld.LAPSED_RJC).toString());
    }
    for (JsonNode f : findings("kp-secretariat", "DD-05")) {
      assertThat(names(f, "certificate", planted.get("DD-05")))
          .as("re-exports at the centre's margin are no price jump: " + f.get("summary"))
          .isTrue();
    }
    List<JsonNode> dd02 = findings("kp-secretariat", "DD-02");
    assertThat(dd02).isNotEmpty();
    for (JsonNode f : dd02) {
      assertThat(strings(f.get("participants")))
          .as(f.get("summary").asString())
          .containsExactly("AE");
    }
  }

  /** What lands in the secretariat's inbox, by rule (printed, for the demo's documentation). */
  @Test
  void countsByRule() {
    settled();
    Map<String, Integer> counts = new java.util.TreeMap<>();
    for (String rule :
        List.of(
            "KP-09", "KP-11", "VAL-02", "DD-01", "DD-02", "DD-03", "DD-04", "DD-05", "SOW-03",
            "LGD-04", "STAT-02", "STAT-03", "STAT-04")) {
      counts.put(rule, findings("kp-secretariat", rule).size());
    }
    System.out.println("Demo findings by rule: " + counts);
    assertThat(counts.get("DD-05")).isPositive();
  }
}

package org.kimberlite.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kimberlite.governance.demo.GovernanceDemo;
import org.kimberlite.registry.DemoAccount;
import org.kimberlite.registry.demo.DemoWorld;
import org.kimberlite.support.Api;
import org.kimberlite.support.Api.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The demo's re-entry monitoring: the Central African Republic's recent exports, seen by the chair
 * of its monitoring team, two confirmed on time, one late, one never confirmed, one awaited, none
 * under a framework (it ended in 2024); the seeded recommendation listed with them.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
class MonitoringDemoH2IT {
  @LocalServerPort int port;
  @Autowired DemoWorld world;
  @Autowired GovernanceDemo governance;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:monitoring-demo-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
  }

  Api signedIn(Map<String, DemoAccount> accounts, String username) {
    Api anonymous = new Api("http://127.0.0.1:" + port);
    String token =
        anonymous
            .post(
                "/api/v1/auth/token",
                Map.of("username", username, "password", accounts.get(username).password()))
            .json()
            .get("token")
            .asString();
    return anonymous.withToken(token);
  }

  @Test
  void carsExportsAreFlaggedForItsMonitoringTeam() {
    List<DemoAccount> created = world.create();
    List<String> summary = governance.create(created);
    assertThat(summary).anyMatch(line -> line.startsWith("5 CAR exports"));
    Map<String, DemoAccount> accounts = new HashMap<>();
    created.forEach(a -> accounts.put(a.username(), a));

    Answer report = signedIn(accounts, "kp-za").get("/api/v1/governance/monitoring/CF");
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    JsonNode totals = report.json().get("totals");
    assertThat(totals.get("exports").asInt()).isEqualTo(5);
    assertThat(totals.get("confirmed").asInt()).isEqualTo(2);
    assertThat(totals.get("late").asInt()).isEqualTo(1);
    assertThat(totals.get("unconfirmed").asInt()).isEqualTo(1);
    assertThat(totals.get("awaiting").asInt()).isEqualTo(1);
    assertThat(totals.get("notUnderFramework").asInt()).isEqualTo(5);
    assertThat(
            signedIn(accounts, "kp-za")
                .get("/api/v1/governance/monitoring/CF/recommendations")
                .json())
        .hasSize(1);
    // CAR's own authority follows its monitoring, and no other's.
    assertThat(signedIn(accounts, "kp-cf").get("/api/v1/governance/monitoring/CF").status())
        .isEqualTo(200);
    assertThat(signedIn(accounts, "kp-cf").get("/api/v1/governance/monitoring/BW").status())
        .isEqualTo(403);
  }
}

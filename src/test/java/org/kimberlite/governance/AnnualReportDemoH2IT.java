package org.kimberlite.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kimberlite.governance.demo.GovernanceDemo;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.DemoAccount;
import org.kimberlite.registry.DemoSignIns;
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
 * The demo's annual reports: last year's reports of Botswana, the EU and South Africa filed on
 * time, the DRC's late, the others missing; Botswana's assessed by the WGM with an open question,
 * which Botswana's demo account answers.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
class AnnualReportDemoH2IT {
  @LocalServerPort int port;
  @Autowired DemoWorld world;
  @Autowired GovernanceDemo governance;
  @Autowired AnnualReports reports;
  @Autowired DemoSignIns signIns;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:annual-report-demo-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
  }

  Api signedIn(Map<String, DemoAccount> accounts, String username) {
    Api anonymous = new Api("http://127.0.0.1:" + port);
    DemoAccount a = accounts.get(username);
    String token =
        anonymous
            .post("/api/v1/auth/token", Map.of("username", username, "password", a.password()))
            .json()
            .get("token")
            .asString();
    return anonymous.withToken(token);
  }

  @Test
  void lastYearsReportsOneLateOneAssessed() {
    List<DemoAccount> created = world.create();
    List<String> summary = governance.create(created);
    assertThat(summary).anyMatch(line -> line.startsWith("4 annual reports for"));
    Map<String, DemoAccount> accounts = new HashMap<>();
    created.forEach(a -> accounts.put(a.username(), a));
    int year = reports.today().getYear() - 1;

    Answer overview =
        signedIn(accounts, "kp-secretariat").get("/api/v1/governance/annual-reports?year=" + year);
    assertThat(overview.status()).as(overview.body()).isEqualTo(200);
    Map<String, String> standing = new HashMap<>();
    for (JsonNode row : overview.json().get("participants")) {
      standing.put(row.get("participant").asString(), row.get("standing").asString());
    }
    assertThat(standing)
        .containsEntry("BW", "FILED")
        .containsEntry("EU", "FILED")
        .containsEntry("ZA", "FILED")
        .containsEntry("CD", "FILED_LATE")
        .containsEntry("RU", "MISSING");

    Api botswana = signedIn(accounts, "kp-bw");
    JsonNode report = botswana.get("/api/v1/governance/annual-reports/BW/" + year).json();
    assertThat(report.get("versions").get(0).get("attachments")).hasSize(1);
    JsonNode question = report.get("assessments").get(0).get("questions").get(0);
    assertThat(question.get("answer").isNull()).isTrue();
    Answer answered =
        botswana.post(
            "/api/v1/governance/annual-reports/BW/"
                + year
                + "/questions/"
                + question.get("id").asString()
                + "/answers",
            Map.of("answer", "Demo answer."));
    assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    // the WGM's vice-chair (the EU) reads it; a non-member authority does not
    assertThat(
            signedIn(accounts, "kp-eu-be")
                .get("/api/v1/governance/annual-reports/BW/" + year)
                .status())
        .isEqualTo(200);
    assertThat(
            signedIn(accounts, "kp-in")
                .get("/api/v1/governance/annual-reports/BW/" + year)
                .status())
        .isEqualTo(404);

    // The demo's sign-ins, remembered while the demo fills its world, still check the password:
    // a wrong one is refused even after the right one was remembered, and a refusal is not kept.
    DemoAccount bw = accounts.get("kp-bw");
    assertThat(signIns.signIn(bw)).get().extracting(Caller::username).isEqualTo("kp-bw");
    DemoAccount wrong =
        new DemoAccount(
            bw.organisationId(),
            bw.organisationName(),
            bw.country(),
            bw.participant(),
            bw.role(),
            bw.username(),
            bw.password() + "-wrong");
    assertThat(signIns.signIn(wrong)).isEmpty();
    assertThat(signIns.signIn(wrong)).isEmpty();
    signIns.forget();
    assertThat(signIns.signIn(bw))
        .get()
        .extracting(Caller::organisationId)
        .isEqualTo(bw.organisationId());
  }
}

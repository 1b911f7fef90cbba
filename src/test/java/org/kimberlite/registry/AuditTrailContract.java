package org.kimberlite.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kimberlite.ledger.Audit;
import org.kimberlite.ledger.AuditReport;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.support.Actors;
import org.kimberlite.support.Actors.Actor;
import org.kimberlite.support.Api;
import org.kimberlite.support.Api.Answer;
import org.kimberlite.support.DecisionRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Audit records of administrative actions: written with the action, committed to the log, read by
 * the secretariat (all) and an organisation's administrators (their own), refused to others, and
 * recomputed by the audit, which finds a record edited or deleted behind the platform's back.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
abstract class AuditTrailContract {
  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired TransparencyLog log;
  @Autowired Audit audit;

  Api anonymous() {
    return new Api("http://127.0.0.1:" + port);
  }

  Actor actor(OrganisationRole role, String country) {
    return new Actors(organisations, accounts, anonymous()).create(role, country);
  }

  static List<JsonNode> records(Answer a) {
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    a.json().forEach(out::add);
    return out;
  }

  static List<String> actions(List<JsonNode> records) {
    return records.stream().map(r -> r.get("action").asString()).toList();
  }

  void awaitIntegrated() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (log.pending() > 0) {
      assertThat(Instant.now()).as("integration within 20 s").isBefore(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void administrativeActionsAreRecordedAndReadByWhoMay() {
    Actor secretariat = actor(OrganisationRole.KP_SECRETARIAT, "BW");
    Actor authority = actor(OrganisationRole.KP_AUTHORITY, "BW");
    Actor trader = actor(OrganisationRole.TRADER, "BW");
    String code = "XQ";
    Answer admitted =
        secretariat
            .api()
            .post(
                "/api/v1/participants",
                Map.of(
                    "code",
                    code,
                    "name",
                    "Testland " + code,
                    "admittedOn",
                    "2025-06-01",
                    "reason",
                    "Admitted (audit test)"));
    assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
    assertThat(
            secretariat
                .api()
                .post(
                    "/api/v1/governance/decisions",
                    DecisionRequests.statusChange(
                        code, "SUSPENSION", LocalDate.now(java.time.ZoneOffset.UTC)))
                .status())
        .isEqualTo(201);
    assertThat(authority.api().post("/api/v1/signing-keys/rotation", Map.of()).status())
        .isBetween(200, 201);
    String colleague = "c-" + UUID.randomUUID().toString().substring(0, 8);
    Answer created =
        trader
            .api()
            .post(
                "/api/v1/organisations/" + trader.id() + "/accounts",
                Map.of(
                    "username",
                    colleague,
                    "displayName",
                    "Colleague",
                    "password",
                    "a long password " + colleague,
                    "admin",
                    false));
    assertThat(created.status()).as(created.body()).isEqualTo(201);

    // The secretariat sees everyone's, newest first, with who, what, when.
    List<JsonNode> all = records(secretariat.api().get("/api/v1/audit-records?size=500"));
    JsonNode suspension =
        all.stream()
            .filter(r -> r.get("action").asString().equals("participant.status-change"))
            .filter(r -> r.get("subject").asString().equals(code))
            .findFirst()
            .orElseThrow();
    assertThat(suspension.get("username").asString()).isEqualTo(secretariat.username());
    assertThat(suspension.get("organisationId").asString()).isEqualTo(secretariat.id().toString());
    assertThat(suspension.get("details").asString())
        .contains("SUSPENSION")
        .contains(LocalDate.now(java.time.ZoneOffset.UTC).toString())
        .contains("TEST ");
    assertThat(actions(all))
        .contains(
            "participant.admission",
            "governance.decision",
            "signing-key.rotation",
            "account.creation",
            "token.issue");
    assertThat(all.stream().map(r -> Instant.parse(r.get("recordedAt").asString())).toList())
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());

    // An administrator sees its own organisation's only.
    List<JsonNode> own = records(trader.api().get("/api/v1/audit-records"));
    assertThat(own).isNotEmpty();
    assertThat(own)
        .allSatisfy(
            r -> assertThat(r.get("organisationId").asString()).isEqualTo(trader.id().toString()));
    assertThat(actions(own)).contains("account.creation", "token.issue");

    // Not an administrator: refused; anonymous: 401; out-of-range pages: 422.
    String token =
        anonymous()
            .post(
                "/api/v1/auth/token",
                Map.of("username", colleague, "password", "a long password " + colleague))
            .json()
            .get("token")
            .asString();
    assertThat(anonymous().withToken(token).get("/api/v1/audit-records").status()).isEqualTo(403);
    assertThat(anonymous().get("/api/v1/audit-records").status()).isEqualTo(401);
    for (String bad : List.of("size=0", "size=501", "page=-1", "page=100001")) {
      assertThat(secretariat.api().get("/api/v1/audit-records?" + bad).status())
          .as(bad)
          .isEqualTo(422);
    }

    // Each record is in the log; its organisation reads the record, the public sees a digest.
    String id = suspension.get("id").asString();
    JsonNode entries =
        secretariat
            .api()
            .get("/api/v1/log/records/" + AuditTrail.AUDIT_RECORD + "/" + id + "/entries")
            .json();
    assertThat(entries.size()).isEqualTo(1);
    assertThat(entries.toString()).contains("Test decision");
  }

  @Test
  void aRefusedActionLeavesNoRecord() {
    Actor trader = actor(OrganisationRole.TRADER, "BW");
    Actor secretariat = actor(OrganisationRole.KP_SECRETARIAT, "BW");
    long before = count();
    assertThat(
            trader
                .api()
                .post(
                    "/api/v1/governance/decisions",
                    DecisionRequests.statusChange(
                        "BW", "SUSPENSION", LocalDate.now(java.time.ZoneOffset.UTC)))
                .status())
        .isEqualTo(403);
    assertThat(
            secretariat
                .api()
                .post(
                    "/api/v1/governance/decisions",
                    DecisionRequests.statusChange(
                        "BW", "REINSTATEMENT", LocalDate.now(java.time.ZoneOffset.UTC)))
                .status())
        .isEqualTo(422);
    assertThat(count()).isEqualTo(before);
  }

  long count() {
    return jdbc.sql("select count(*) from audit_record").query(Long.class).single();
  }

  @Test
  void theAuditRecomputesAuditRecordsAndFindsOneEditedOrDeleted() throws Exception {
    Actor trader = actor(OrganisationRole.TRADER, "BW");
    assertThat(
            trader
                .api()
                .post(
                    "/api/v1/organisations/" + trader.id() + "/accounts",
                    Map.of(
                        "username",
                        "d-" + UUID.randomUUID().toString().substring(0, 8),
                        "displayName",
                        "Another",
                        "password",
                        "another long password",
                        "admin",
                        false))
                .status())
        .isEqualTo(201);
    awaitIntegrated();
    AuditReport clean = audit.run();
    assertThat(clean.findings()).isEmpty();

    UUID id =
        jdbc.sql(
                "select id from audit_record where organisation_id = :o and action ="
                    + " 'account.creation'")
            .param("o", trader.id())
            .query(UUID.class)
            .single();
    String username =
        jdbc.sql("select username from audit_record where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    try {
      jdbc.sql("update audit_record set username = 'someone-else' where id = :id")
          .param("id", id)
          .update();
      assertThat(audit.run().findings())
          .extracting(AuditReport.Finding::kind, AuditReport.Finding::where)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "record-changed", AuditTrail.AUDIT_RECORD + " " + id));
    } finally {
      jdbc.sql("update audit_record set username = :u where id = :id")
          .param("u", username)
          .param("id", id)
          .update();
    }
    assertThat(audit.run().findings()).isEmpty();

    // A record deleted behind the platform's back is missed by the audit.
    Map<String, Object> row =
        jdbc.sql("select * from audit_record where id = :id").param("id", id).query().singleRow();
    jdbc.sql("delete from audit_record where id = :id").param("id", id).update();
    try {
      assertThat(audit.run().findings())
          .extracting(AuditReport.Finding::kind)
          .contains("record-missing");
    } finally {
      jdbc.sql(
              """
              insert into audit_record (id, seq, recorded_at, account_id, username,
                organisation_id, action, subject, details)
              values (:id, :seq, :at, :account, :username, :organisation, :action, :subject,
                :details)
              """)
          .param("id", row.get("id"))
          .param("seq", row.get("seq"))
          .param("at", row.get("recorded_at"))
          .param("account", row.get("account_id"))
          .param("username", row.get("username"))
          .param("organisation", row.get("organisation_id"))
          .param("action", row.get("action"))
          .param("subject", row.get("subject"))
          .param("details", row.get("details"))
          .update();
    }
    assertThat(audit.run().findings()).isEmpty();
  }
}

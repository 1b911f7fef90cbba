package org.kimberlite.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kimberlite.ledger.Audit;
import org.kimberlite.ledger.AuditReport;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.support.Actors;
import org.kimberlite.support.Actors.Actor;
import org.kimberlite.support.Api;
import org.kimberlite.support.Api.Answer;
import org.kimberlite.support.CertificateRequests;
import org.kimberlite.support.DecisionRequests;
import org.kimberlite.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * KP decisions through the HTTP API on each database: the KP's past decisions seeded and linked to
 * the registry's history; a suspension adopted for a later day that blocks certificates from that
 * day and not before, lifted by a later decision; an operational framework whose compliant zones
 * alone may export; refusals that change nothing; the audit recomputing every decision.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
@Import(TestClock.Config.class)
abstract class DecisionContract {
  static final String DECISIONS = "/api/v1/governance/decisions";

  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;
  @Autowired TestClock clock;
  @Autowired Audit audit;
  @Autowired TransparencyLog log;
  @Autowired JdbcClient jdbc;

  Api anonymous() {
    return new Api("http://127.0.0.1:" + port);
  }

  Actor actor(OrganisationRole role, String country) {
    return new Actors(organisations, accounts, anonymous()).create(role, country);
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  @AfterEach
  void timeResumes() {
    clock.reset();
  }

  /** A decision adopted on the clock's today. */
  Map<String, Object> decision(LocalDate effectiveOn, List<Map<String, Object>> orders) {
    return DecisionRequests.decision(today(), effectiveOn, orders);
  }

  Map<String, Object> certificate(
      Actor exporter, Actor importer, String origin, @Nullable String zone) {
    return CertificateRequests.toEu(exporter, importer, origin, zone, today(), 30);
  }

  static List<String> rules(Answer a) {
    List<String> out = new ArrayList<>();
    JsonNode rules = a.json().get("rules");
    if (rules != null) {
      rules.forEach(r -> out.add(r.asString()));
    }
    return out;
  }

  JsonNode standing(String participant, LocalDate on) {
    return anonymous().get("/api/v1/participants/" + participant + "/standing?on=" + on).json();
  }

  void awaitIntegrated() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (log.pending() > 0) {
      assertThat(Instant.now()).as("integration within 20 s").isBefore(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void theKpsPastDecisionsAreSeededWithTheHistoryTheyMade() {
    JsonNode car = anonymous().get(DECISIONS + "?participant=CF&on=2017-01-01").json();
    Map<String, String> states = new HashMap<>();
    car.forEach(d -> states.put(d.get("number").asString(), d.get("state").asString()));
    assertThat(states)
        .containsEntry("CAR-2013-05", "SPENT")
        .containsEntry("CAR-2015-07", "IN_FORCE")
        .containsEntry("CAR-2016-05", "IN_FORCE")
        .containsEntry("CAR-2016-10", "IN_FORCE")
        .containsEntry("CAR-2024-11-15", "PENDING");
    JsonNode now = anonymous().get(DECISIONS + "?participant=CF&state=in-force").json();
    assertThat(now).hasSize(1);
    assertThat(now.get(0).get("number").asString()).isEqualTo("CAR-2024-11-15");
    assertThat(now.get(0).get("recommendation").asString())
        .isEqualTo("4cd381f5-df61-3ac6-9001-5dd4454658ea");

    // Every change of the seeded history names the decision behind it, and so does the standing.
    JsonNode cf = anonymous().get("/api/v1/participants/CF").json();
    List<String> behind = new ArrayList<>();
    cf.get("history")
        .forEach(
            c -> {
              if (!c.get("type").asString().equals("ADMISSION")) {
                behind.add(c.get("decision").get("number").asString());
              }
            });
    assertThat(behind).containsExactly("CAR-2013-05", "CAR-2015-07", "CAR-2024-11-15");
    cf.get("compliantZones")
        .forEach(
            z -> assertThat(z.get("decision").get("number").asString()).startsWith("CAR-2016"));
    JsonNode in2020 = standing("CF", LocalDate.parse("2020-06-01"));
    assertThat(in2020.get("status").asString()).isEqualTo("SUSPENDED");
    assertThat(in2020.get("decision").get("number").asString()).isEqualTo("CAR-2015-07");
    assertThat(in2020.get("compliantZones").toString())
        .contains("Berbérati", "Boda", "Carnot", "Nola");
    assertThat(standing("VE", today()).get("decision").get("number").asString())
        .isEqualTo("VE-2008");

    // A seeded decision reads alone, and its record is in the public log.
    String id = car.get(0).get("id").asString();
    Answer one = anonymous().get(DECISIONS + "/" + id);
    assertThat(one.status()).as(one.body()).isEqualTo(200);
    assertThat(anonymous().get(one.json().get("logRecord").asString()).status()).isEqualTo(200);
    assertThat(anonymous().get(DECISIONS + "/not-a-uuid").status()).isEqualTo(404);
    assertThat(anonymous().get(DECISIONS + "/" + java.util.UUID.randomUUID()).status())
        .isEqualTo(404);
  }

  @Test
  void aSuspensionAdoptedForALaterDayBlocksCertificatesFromThatDayNotBeforeUntilLifted() {
    Actor secretariat = actor(OrganisationRole.KP_SECRETARIAT, "BW");
    Actor authority = actor(OrganisationRole.KP_AUTHORITY, "NA");
    Actor exporter = actor(OrganisationRole.TRADER, "NA");
    Actor importer = actor(OrganisationRole.TRADER, "BE");
    LocalDate adopted = today();
    LocalDate from = adopted.plusDays(7);

    Answer suspension =
        secretariat
            .api()
            .post(DECISIONS, decision(from, List.of(DecisionRequests.status("NA", "SUSPENSION"))));
    assertThat(suspension.status()).as(suspension.body()).isEqualTo(201);
    assertThat(suspension.json().get("state").asString()).isEqualTo("PENDING");
    String number = suspension.json().get("number").asString();

    // Before its effective date, nothing changes: the certificate is issued.
    Answer before =
        authority.api().post("/api/v1/certificates", certificate(exporter, importer, "NA", null));
    assertThat(before.status()).as(before.body()).isEqualTo(201);
    assertThat(standing("NA", from.minusDays(1)).get("inGoodStanding").asBoolean()).isTrue();
    assertThat(standing("NA", from).get("status").asString()).isEqualTo("SUSPENDED");
    assertThat(standing("NA", from).get("decision").get("number").asString()).isEqualTo(number);

    // From its effective date, the exporting participant is suspended (KP-03).
    clock.advance(Duration.ofDays(7));
    Answer during =
        authority.api().post("/api/v1/certificates", certificate(exporter, importer, "NA", null));
    assertThat(during.status()).as(during.body()).isEqualTo(422);
    assertThat(rules(during)).contains("KP-03");
    assertThat(
            anonymous()
                .get(DECISIONS + "/" + suspension.json().get("id").asString())
                .json()
                .get("state")
                .asString())
        .isEqualTo("IN_FORCE");

    // A later decision lifts it from the next day; certificates pass again.
    clock.advance(Duration.ofDays(1));
    Answer lifting =
        secretariat
            .api()
            .post(
                DECISIONS,
                decision(today(), List.of(DecisionRequests.status("NA", "REINSTATEMENT"))));
    assertThat(lifting.status()).as(lifting.body()).isEqualTo(201);
    Answer after =
        authority.api().post("/api/v1/certificates", certificate(exporter, importer, "NA", null));
    assertThat(after.status()).as(after.body()).isEqualTo(201);

    // The standing answers for any past day as it was then.
    assertThat(standing("NA", adopted).get("inGoodStanding").asBoolean()).isTrue();
    assertThat(standing("NA", from).get("status").asString()).isEqualTo("SUSPENDED");
    assertThat(standing("NA", today()).get("inGoodStanding").asBoolean()).isTrue();
    assertThat(
            anonymous()
                .get(DECISIONS + "/" + suspension.json().get("id").asString())
                .json()
                .get("state")
                .asString())
        .isEqualTo("SPENT");
  }

  @Test
  void underAnOperationalFrameworkOnlyItsCompliantZonesExportUntilReinstatement() {
    Actor secretariat = actor(OrganisationRole.KP_SECRETARIAT, "BW");
    Actor authority = actor(OrganisationRole.KP_AUTHORITY, "SL");
    Actor exporter = actor(OrganisationRole.TRADER, "SL");
    Actor importer = actor(OrganisationRole.TRADER, "BE");
    assertThat(
            secretariat
                .api()
                .post(
                    DECISIONS,
                    decision(today(), List.of(DecisionRequests.status("SL", "SUSPENSION"))))
                .status())
        .isEqualTo(201);
    Answer framework =
        secretariat
            .api()
            .post(
                DECISIONS,
                decision(
                    today(),
                    List.of(
                        DecisionRequests.zone("SL", "Kono (test)"),
                        DecisionRequests.status("SL", "OPERATIONAL_FRAMEWORK"))));
    assertThat(framework.status()).as(framework.body()).isEqualTo(201);
    assertThat(standing("SL", today()).get("compliantZones").toString()).contains("Kono (test)");

    Answer fromZone =
        authority
            .api()
            .post("/api/v1/certificates", certificate(exporter, importer, "SL", "Kono (test)"));
    assertThat(fromZone.status()).as(fromZone.body()).isEqualTo(201);
    Answer elsewhere =
        authority
            .api()
            .post("/api/v1/certificates", certificate(exporter, importer, "SL", "Tongo (test)"));
    assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(422);
    assertThat(rules(elsewhere)).contains("KP-04");
    Answer noZone =
        authority.api().post("/api/v1/certificates", certificate(exporter, importer, "SL", null));
    assertThat(rules(noZone)).contains("KP-04");
    Answer reExport =
        authority.api().post("/api/v1/certificates", certificate(exporter, importer, "BW", null));
    assertThat(reExport.status()).isEqualTo(422);
    assertThat(rules(reExport)).contains("KP-03");

    clock.advance(Duration.ofDays(1));
    Answer reinstated =
        secretariat
            .api()
            .post(
                DECISIONS,
                decision(today(), List.of(DecisionRequests.status("SL", "REINSTATEMENT"))));
    assertThat(reinstated.status()).as(reinstated.body()).isEqualTo(201);
    assertThat(standing("SL", today()).get("compliantZones")).isEmpty();
    for (String zone : new String[] {null, "Tongo (test)", "Kono (test)"}) {
      Answer a =
          authority.api().post("/api/v1/certificates", certificate(exporter, importer, "SL", zone));
      assertThat(a.status()).as(zone + ": " + a.body()).isEqualTo(201);
    }
  }

  @Test
  void refusedDecisionsAreProblemsAndChangeNothing() {
    Actor secretariat = actor(OrganisationRole.KP_SECRETARIAT, "BW");
    Actor authority = actor(OrganisationRole.KP_AUTHORITY, "GN");
    long decisions = count("governance_decision");
    long changes = count("participant_status_change");
    long zones = count("compliant_zone");
    List<Map<String, Object>> suspendGuinea = List.of(DecisionRequests.status("GN", "SUSPENSION"));

    problem(
        secretariat
            .api()
            .post(
                DECISIONS,
                DecisionRequests.decision(
                    today().minusDays(5), today().minusDays(1), suspendGuinea)),
        422,
        "governance/retroactive-effect");
    problem(
        secretariat
            .api()
            .post(
                DECISIONS,
                DecisionRequests.decision(today().plusDays(1), today().plusDays(2), suspendGuinea)),
        422,
        "governance/not-yet-adopted");
    problem(
        secretariat
            .api()
            .post(
                DECISIONS, DecisionRequests.decision(today(), today().minusDays(1), suspendGuinea)),
        422,
        "governance/effective-before-adopted");
    // A later order that breaks a rule undoes the earlier ones of the same decision.
    problem(
        secretariat
            .api()
            .post(
                DECISIONS,
                decision(
                    today(),
                    List.of(
                        DecisionRequests.status("GN", "SUSPENSION"),
                        DecisionRequests.zone("GN", "Banankoro (test)")))),
        422,
        "registry/no-operational-framework");
    problem(
        secretariat
            .api()
            .post(
                DECISIONS,
                decision(today(), List.of(DecisionRequests.status("GN", "REINSTATEMENT")))),
        422,
        "registry/invalid-status-transition");
    problem(
        secretariat
            .api()
            .post(
                DECISIONS,
                decision(
                    today(),
                    List.of(
                        DecisionRequests.status("GN", "SUSPENSION"),
                        DecisionRequests.status("GN", "EXCLUSION")))),
        422,
        "validation");
    problem(
        secretariat
            .api()
            .post(
                DECISIONS, decision(today(), List.of(DecisionRequests.status("QQ", "SUSPENSION")))),
        422,
        "validation");
    Map<String, Object> both = new HashMap<>(decision(today(), List.of()));
    both.put("orders", List.of(Map.of("participant", "GN", "change", "SUSPENSION", "zone", "X")));
    problem(secretariat.api().post(DECISIONS, both), 422, "validation");
    Map<String, Object> badNumber = new HashMap<>(decision(today(), suspendGuinea));
    badNumber.put("number", "<script>");
    problem(secretariat.api().post(DECISIONS, badNumber), 422, "validation");
    problem(authority.api().post(DECISIONS, decision(today(), suspendGuinea)), 403, "forbidden");
    problem(anonymous().post(DECISIONS, decision(today(), suspendGuinea)), 401, "unauthorized");
    problem(anonymous().get(DECISIONS + "?on=yesterday"), 400, "validation");
    problem(anonymous().get(DECISIONS + "?participant=Guinea"), 400, "validation");
    problem(anonymous().get(DECISIONS + "?state=repealed"), 400, "validation");

    assertThat(count("governance_decision")).isEqualTo(decisions);
    assertThat(count("participant_status_change")).isEqualTo(changes);
    assertThat(count("compliant_zone")).isEqualTo(zones);
    assertThat(standing("GN", today()).get("inGoodStanding").asBoolean()).isTrue();

    // A number is used once: the second decision of that number is refused.
    Map<String, Object> first = decision(today(), List.of());
    assertThat(secretariat.api().post(DECISIONS, first).status()).isEqualTo(201);
    Map<String, Object> again = new HashMap<>(decision(today(), List.of()));
    again.put("number", first.get("number"));
    problem(secretariat.api().post(DECISIONS, again), 409, "governance/decision-number-taken");
  }

  @Test
  void theAuditRecomputesEveryDecisionAndFindsOneEditedBehindThePlatformsBack() throws Exception {
    Actor secretariat = actor(OrganisationRole.KP_SECRETARIAT, "BW");
    Answer recorded =
        secretariat
            .api()
            .post(
                DECISIONS,
                decision(
                    today().plusDays(30), List.of(DecisionRequests.status("TZ", "SUSPENSION"))));
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    String id = recorded.json().get("id").asString();
    awaitIntegrated();
    assertThat(audit.run().findings()).isEmpty();
    jdbc.sql("update governance_decision set effective_on = :on where id = :id")
        .param("on", today().plusDays(60))
        .param("id", java.util.UUID.fromString(id))
        .update();
    try {
      assertThat(audit.run().findings())
          .extracting(AuditReport.Finding::kind, AuditReport.Finding::where)
          .contains(
              org.assertj.core.groups.Tuple.tuple("record-changed", "governance.decision " + id));
    } finally {
      jdbc.sql("update governance_decision set effective_on = :on where id = :id")
          .param("on", today().plusDays(30))
          .param("id", java.util.UUID.fromString(id))
          .update();
    }
    assertThat(audit.run().findings()).isEmpty();
  }

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  static void problem(Answer a, int status, String type) {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(a.json().get("type").asString()).as(a.body()).endsWith(type);
  }
}

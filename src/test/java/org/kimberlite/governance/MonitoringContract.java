package org.kimberlite.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kimberlite.ledger.Audit;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.registry.ParticipantPanel;
import org.kimberlite.shared.ParticipantCode;
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
import tools.jackson.databind.JsonNode;

/**
 * Re-entry monitoring through the HTTP API on each database: a participant's exports matched with
 * their import confirmations and flagged (on time, late, unconfirmed, awaited; in a compliant zone,
 * or not under a framework once reinstated); who may see them; a recommendation recorded with its
 * evidence frozen, and the lifting decision that links it; a decision naming a wrong recommendation
 * refused with nothing recorded; the seeded recommendation behind CAR's reinstatement. (That
 * exports from a compliant zone pass and others are refused while the framework holds, and all pass
 * after reinstatement, is DecisionContract's.)
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
@Import(TestClock.Config.class)
abstract class MonitoringContract {
  static final String DECISIONS = "/api/v1/governance/decisions";
  static final String MONITORING = "/api/v1/governance/monitoring/";
  static final String SEEDED = "4cd381f5-df61-3ac6-9001-5dd4454658ea";

  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;
  @Autowired TestClock clock;
  @Autowired Audit audit;
  @Autowired TransparencyLog log;
  @Autowired List<ParticipantPanel> panels;

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

  /** The secretariat seats {@code member} on {@code body} (for a team: {@code participant}'s). */
  static void seat(Actor secretariat, Actor member, String body, @Nullable String participant) {
    Map<String, Object> seat = new HashMap<>();
    seat.put("body", body);
    seat.put("organisationId", member.id().toString());
    seat.put("seat", "MEMBER");
    if (participant != null) {
      seat.put("participant", participant);
    }
    Answer a = secretariat.api().post("/api/v1/governance/memberships", seat);
    assertThat(a.status()).as(a.body()).isEqualTo(201);
  }

  Answer decide(Actor secretariat, Map<String, Object> decision) {
    return secretariat.api().post(DECISIONS, decision);
  }

  Map<String, Object> decision(List<Map<String, Object>> orders) {
    return DecisionRequests.decision(today(), today(), orders);
  }

  /** An export of {@code origin} to the EU issued today, valid for 60 days. */
  Map<String, Object> certificate(
      Actor exporter, Actor importer, String origin, @Nullable String zone) {
    return CertificateRequests.toEu(exporter, importer, origin, zone, today(), 60);
  }

  String issue(Actor authority, Map<String, Object> certificate) {
    Answer a = authority.api().post("/api/v1/certificates", certificate);
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json().get("number").asString();
  }

  void confirm(Actor importingAuthority, String number, Actor exporter, Actor importer) {
    JsonNode cert = importingAuthority.api().get("/api/v1/certificates/" + number).json();
    Map<String, Object> body = new HashMap<>();
    body.put("parcels", cert.get("parcels").asInt());
    body.put("carats", cert.get("carats").asString());
    body.put("importer", importer.id().toString());
    body.put("exporter", exporter.id().toString());
    body.put("sealId", cert.get("sealId").asString());
    body.put("receivedOn", today().toString());
    Answer a =
        importingAuthority.api().post("/api/v1/certificates/" + number + "/confirmation", body);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
  }

  static Map<String, JsonNode> byNumber(JsonNode report) {
    Map<String, JsonNode> out = new HashMap<>();
    report.get("exports").forEach(e -> out.put(e.get("number").asString(), e));
    return out;
  }

  static void problem(Answer a, int status, String type) {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(a.json().get("type").asString()).as(a.body()).endsWith(type);
  }

  @Test
  void everyExportIsMatchedWithItsConfirmationAndFlaggedForThoseWhoFollowIt() {
    Actor secretariat = actor(OrganisationRole.KP_SECRETARIAT, "BW");
    Actor liberia = actor(OrganisationRole.KP_AUTHORITY, "LR");
    Actor exporter = actor(OrganisationRole.TRADER, "LR");
    Actor belgium = actor(OrganisationRole.KP_AUTHORITY, "BE");
    Actor importer = actor(OrganisationRole.TRADER, "BE");
    Actor team = actor(OrganisationRole.KP_AUTHORITY, "ZA");
    Actor wgm = actor(OrganisationRole.KP_AUTHORITY, "CA");
    Actor stranger = actor(OrganisationRole.KP_AUTHORITY, "NA");
    seat(secretariat, team, "MONITORING_TEAM", "LR");
    seat(secretariat, wgm, "WORKING_GROUP_ON_MONITORING", null);
    LocalDate start = today();

    // Day 0: suspended under a framework with one compliant zone; an export from it.
    assertThat(
            decide(secretariat, decision(List.of(DecisionRequests.status("LR", "SUSPENSION"))))
                .status())
        .isEqualTo(201);
    Answer framework =
        decide(
            secretariat,
            decision(
                List.of(
                    DecisionRequests.status("LR", "OPERATIONAL_FRAMEWORK"),
                    DecisionRequests.zone("LR", "Lofa (test)"))));
    assertThat(framework.status()).as(framework.body()).isEqualTo(201);
    String inZone = issue(liberia, certificate(exporter, importer, "LR", "Lofa (test)"));

    // Day 1: reinstated; two exports under no framework.
    clock.advance(Duration.ofDays(1));
    assertThat(
            decide(secretariat, decision(List.of(DecisionRequests.status("LR", "REINSTATEMENT"))))
                .status())
        .isEqualTo(201);
    String neverConfirmed = issue(liberia, certificate(exporter, importer, "LR", null));
    String confirmedLate = issue(liberia, certificate(exporter, importer, "LR", null));

    // Day 5: the first confirmed on time. Day 32: the third, a day after its deadline (day 31).
    clock.advance(Duration.ofDays(4));
    confirm(belgium, inZone, exporter, importer);
    clock.advance(Duration.ofDays(27));
    confirm(belgium, confirmedLate, exporter, importer);
    // Day 32 too: a new export, still awaited.
    String awaited = issue(liberia, certificate(exporter, importer, "LR", null));

    String url = MONITORING + "LR?from=" + start + "&to=" + today();
    Answer asTeam = team.api().get(url);
    assertThat(asTeam.status()).as(asTeam.body()).isEqualTo(200);
    JsonNode report = asTeam.json();
    assertThat(report.get("deadlineDays").asInt()).isEqualTo(30);
    Map<String, JsonNode> exports = byNumber(report);
    assertThat(exports).containsOnlyKeys(inZone, neverConfirmed, confirmedLate, awaited);
    assertThat(exports.get(inZone).get("confirmation").asString()).isEqualTo("CONFIRMED");
    assertThat(exports.get(inZone).get("zone").asString()).isEqualTo("IN_ZONE");
    assertThat(exports.get(inZone).get("originZone").asString()).isEqualTo("Lofa (test)");
    assertThat(exports.get(inZone).get("confirmedOn").asString())
        .isEqualTo(start.plusDays(5).toString());
    assertThat(exports.get(neverConfirmed).get("confirmation").asString()).isEqualTo("UNCONFIRMED");
    assertThat(exports.get(neverConfirmed).get("zone").asString()).isEqualTo("NOT_UNDER_FRAMEWORK");
    assertThat(exports.get(confirmedLate).get("confirmation").asString()).isEqualTo("LATE");
    assertThat(exports.get(awaited).get("confirmation").asString()).isEqualTo("AWAITING");
    JsonNode totals = report.get("totals");
    assertThat(totals.get("exports").asInt()).isEqualTo(4);
    assertThat(totals.get("confirmed").asInt()).isEqualTo(1);
    assertThat(totals.get("late").asInt()).isEqualTo(1);
    assertThat(totals.get("unconfirmed").asInt()).isEqualTo(1);
    assertThat(totals.get("awaiting").asInt()).isEqualTo(1);
    assertThat(totals.get("inZone").asInt()).isEqualTo(1);
    assertThat(totals.get("notUnderFramework").asInt()).isEqualTo(3);
    assertThat(totals.get("carats").asString()).isEqualTo("481.60");

    // Who sees it: the team, the secretariat, the WGM and the participant's own authority; not
    // another authority, not the participant's companies.
    assertThat(secretariat.api().get(url).status()).isEqualTo(200);
    assertThat(wgm.api().get(url).status()).isEqualTo(200);
    Answer own = liberia.api().get(url);
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(own.json().get("totals").get("exports").asInt()).isEqualTo(4);
    problem(stranger.api().get(url), 403, "forbidden");
    problem(exporter.api().get(url), 403, "forbidden");
    assertThat(anonymous().get(url).status()).isEqualTo(401);
    // The team of one participant does not follow another's.
    problem(team.api().get(MONITORING + "CF"), 403, "forbidden");

    // Bad parameters are named; nothing is read.
    Answer badDate = team.api().get(MONITORING + "LR?from=yesterday");
    problem(badDate, 400, "validation");
    assertThat(badDate.body()).contains("from");
    Answer reversed = team.api().get(MONITORING + "LR?from=" + today() + "&to=" + start);
    problem(reversed, 422, "validation");
    assertThat(reversed.body()).contains("\"to\"");
    Answer tooLong = team.api().get(MONITORING + "LR?from=2000-01-01&to=" + today());
    problem(tooLong, 422, "validation");
    problem(team.api().get(MONITORING + "L1"), 400, "validation");

    // The participant's page links the team and its own authority to the monitoring; a stranger
    // sees no such panel.
    assertThat(monitoringPanel(team, "LR")).isPresent();
    assertThat(monitoringPanel(team, "LR").orElseThrow().rows().get(0).href())
        .isEqualTo("/console/governance/monitoring/LR");
    assertThat(monitoringPanel(liberia, "LR")).isPresent();
    assertThat(monitoringPanel(stranger, "LR")).isEmpty();
    assertThat(monitoringPanel(exporter, "LR")).isEmpty();
  }

  Optional<ParticipantPanel.Panel> monitoringPanel(Actor viewer, String participant) {
    return panels.stream()
        .flatMap(
            p ->
                p
                    .panel(ParticipantCode.of(participant), viewer.caller(accounts), Locale.ENGLISH)
                    .stream())
        .filter(p -> p.id().equals("re-entry-monitoring"))
        .findFirst();
  }

  @Test
  void aRecommendationFreezesItsEvidenceAndTheLiftingDecisionLinksIt() throws Exception {
    Actor secretariat = actor(OrganisationRole.KP_SECRETARIAT, "BW");
    Actor guinea = actor(OrganisationRole.KP_AUTHORITY, "GN");
    Actor exporter = actor(OrganisationRole.TRADER, "GN");
    Actor belgium = actor(OrganisationRole.KP_AUTHORITY, "BE");
    Actor importer = actor(OrganisationRole.TRADER, "BE");
    Actor team = actor(OrganisationRole.KP_AUTHORITY, "ZA");
    Actor wgm = actor(OrganisationRole.KP_AUTHORITY, "CA");
    seat(secretariat, team, "MONITORING_TEAM", "GN");
    seat(secretariat, wgm, "WORKING_GROUP_ON_MONITORING", null);
    assertThat(
            decide(secretariat, decision(List.of(DecisionRequests.status("GN", "SUSPENSION"))))
                .status())
        .isEqualTo(201);
    assertThat(
            decide(
                    secretariat,
                    decision(
                        List.of(
                            DecisionRequests.status("GN", "OPERATIONAL_FRAMEWORK"),
                            DecisionRequests.zone("GN", "Banankoro (test)"))))
                .status())
        .isEqualTo(201);
    String number = issue(guinea, certificate(exporter, importer, "GN", "Banankoro (test)"));

    Map<String, Object> recommendation = new HashMap<>();
    recommendation.put("recommendedOn", today().toString());
    recommendation.put("text", "Every export came from Banankoro and is accounted for.");
    recommendation.put("evidenceFrom", today().minusDays(30).toString());
    recommendation.put("evidenceTo", today().toString());
    String path = MONITORING + "GN/recommendations";

    // Only the team and the secretariat record; the WGM reads; bad input changes nothing.
    problem(wgm.api().post(path, recommendation), 403, "forbidden");
    problem(guinea.api().post(path, recommendation), 403, "forbidden");
    Map<String, Object> blank = new HashMap<>(recommendation);
    blank.put("text", " ");
    blank.put("evidenceTo", today().plusDays(1).toString());
    Answer invalid = team.api().post(path, blank);
    problem(invalid, 422, "validation");
    assertThat(invalid.body()).contains("text").contains("evidenceTo");
    Map<String, Object> tooLong = new HashMap<>(recommendation);
    tooLong.put("text", "x".repeat(20_001));
    problem(team.api().post(path, tooLong), 422, "validation");
    assertThat(team.api().get(path).json()).isEmpty();

    Answer recorded = team.api().post(path, recommendation);
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    String id = recorded.json().get("id").asString();
    JsonNode evidence = recorded.json().get("evidence").get("totals");
    assertThat(evidence.get("exports").asInt()).isEqualTo(1);
    assertThat(evidence.get("inZone").asInt()).isEqualTo(1);
    assertThat(evidence.get("awaiting").asInt()).isEqualTo(1);

    // A later confirmation changes the monitoring, not the frozen evidence.
    clock.advance(Duration.ofDays(2));
    confirm(belgium, number, exporter, importer);
    Answer read = wgm.api().get("/api/v1/governance/recommendations/" + id);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.json().get("evidence").get("totals").get("awaiting").asInt()).isEqualTo(1);
    assertThat(read.json().get("participant").asString()).isEqualTo("GN");
    assertThat(wgm.api().get(path).json()).hasSize(1);
    // The monitored participant's authority reads it; it may not record one.
    assertThat(guinea.api().get("/api/v1/governance/recommendations/" + id).status())
        .isEqualTo(200);
    assertThat(team.api().get("/api/v1/governance/recommendations/" + UUID.randomUUID()).status())
        .isEqualTo(404);
    assertThat(team.api().get("/api/v1/governance/recommendations/not-a-uuid").status())
        .isEqualTo(404);
    assertThat(team.api().get(read.json().get("logRecord").asString()).status()).isEqualTo(200);

    // A decision may follow only a recorded recommendation on a participant it reinstates.
    Map<String, Object> unknown = decision(List.of(DecisionRequests.status("GN", "REINSTATEMENT")));
    unknown.put("recommendation", UUID.randomUUID().toString());
    Answer refused = decide(secretariat, unknown);
    problem(refused, 422, "governance/recommendation-mismatch");
    assertThat(refused.body()).contains("recommendation");
    Map<String, Object> other = decision(List.of(DecisionRequests.status("TG", "SUSPENSION")));
    other.put("recommendation", id);
    problem(decide(secretariat, other), 422, "governance/recommendation-mismatch");
    JsonNode gn = anonymous().get("/api/v1/participants/GN/standing").json();
    assertThat(gn.get("status").asString()).isEqualTo("SUSPENDED");
    assertThat(anonymous().get("/api/v1/participants/TG/standing").json().get("status").asString())
        .isEqualTo("ACTIVE");

    Map<String, Object> lifting = decision(List.of(DecisionRequests.status("GN", "REINSTATEMENT")));
    lifting.put("recommendation", id);
    Answer lifted = decide(secretariat, lifting);
    assertThat(lifted.status()).as(lifted.body()).isEqualTo(201);
    assertThat(lifted.json().get("recommendation").asString()).isEqualTo(id);
    assertThat(anonymous().get("/api/v1/participants/GN/standing").json().get("status").asString())
        .isEqualTo("ACTIVE");

    awaitIntegrated();
    assertThat(audit.run().findings()).isEmpty();
  }

  @Test
  void theRecommendationBehindCarsReinstatementIsSeededAndLinked() {
    Actor secretariat = actor(OrganisationRole.KP_SECRETARIAT, "BW");
    Actor stranger = actor(OrganisationRole.KP_AUTHORITY, "NA");
    Answer seeded = secretariat.api().get("/api/v1/governance/recommendations/" + SEEDED);
    assertThat(seeded.status()).as(seeded.body()).isEqualTo(200);
    assertThat(seeded.json().get("participant").asString()).isEqualTo("CF");
    assertThat(seeded.json().get("source").asString()).contains("review mission");
    JsonNode decisions = anonymous().get(DECISIONS + "?participant=CF&state=in-force").json();
    assertThat(decisions.get(0).get("recommendation").asString()).isEqualTo(SEEDED);
    assertThat(secretariat.api().get(MONITORING + "CF/recommendations").json().toString())
        .contains(SEEDED);
    // Another participant's authority is not told the recommendation exists.
    assertThat(stranger.api().get("/api/v1/governance/recommendations/" + SEEDED).status())
        .isEqualTo(404);
    assertThat(anonymous().get("/api/v1/governance/recommendations/" + SEEDED).status())
        .isEqualTo(401);
  }

  void awaitIntegrated() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (log.pending() > 0) {
      assertThat(Instant.now()).as("integration within 20 s").isBefore(deadline);
      Thread.sleep(20);
    }
  }
}

package org.kimberlite.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kimberlite.governance.internal.ReviewVisitEscalation;
import org.kimberlite.governance.internal.ReviewVisitRecords;
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
import org.kimberlite.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Peer review visits through the HTTP API, on H2 and PostgreSQL: a visit from plan to closed
 * actions, with the steps out of order refused (409, nothing changed) and each step refused to
 * those who do not take it (403 to who sees the visit, 404 to who does not); who sees what; the
 * report in the transparency log, recomputed by the audit; an action overdue on a moved clock,
 * escalated once; and the participant page's panel.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
@Import(TestClock.Config.class)
abstract class ReviewVisitContract {
  static final String BASE = "/api/v1/governance/review-visits";

  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;
  @Autowired TestClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired TransparencyLog log;
  @Autowired Audit audit;
  @Autowired ReviewVisitEscalation escalation;
  @Autowired List<ParticipantPanel> panels;

  /** The people of one visit: the visited authority, the team, and those around. */
  record World(
      String participant,
      Actor visited,
      Actor lead,
      Actor member,
      Actor secretariat,
      Actor wgm,
      Actor otherAuthority,
      Actor trader) {}

  Api anonymous() {
    return new Api("http://127.0.0.1:" + port);
  }

  Actor actor(OrganisationRole role, String country) {
    return new Actors(organisations, accounts, anonymous()).create(role, country);
  }

  World world(String participant) {
    Actor secretariat = actor(OrganisationRole.KP_SECRETARIAT, "BW");
    Actor wgm = actor(OrganisationRole.KP_AUTHORITY, "CA");
    Answer seat =
        secretariat
            .api()
            .post(
                "/api/v1/governance/memberships",
                Map.of(
                    "body",
                    "WORKING_GROUP_ON_MONITORING",
                    "organisationId",
                    wgm.id().toString(),
                    "seat",
                    "MEMBER"));
    assertThat(seat.status()).as(seat.body()).isEqualTo(201);
    return new World(
        participant,
        actor(OrganisationRole.KP_AUTHORITY, participant),
        actor(OrganisationRole.KP_AUTHORITY, "ZA"),
        actor(OrganisationRole.KP_AUTHORITY, "BE"),
        secretariat,
        wgm,
        actor(OrganisationRole.KP_AUTHORITY, "IN"),
        actor(OrganisationRole.TRADER, participant));
  }

  @AfterEach
  void timeResumes() {
    clock.reset();
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  String plan(World w) {
    Answer a =
        w.secretariat()
            .api()
            .post(
                BASE,
                planBody(
                    w.participant(),
                    today().plusDays(7).toString(),
                    today().plusDays(11).toString(),
                    "Internal controls over alluvial production and import confirmations.",
                    List.of(w.lead().id().toString(), w.member().id().toString()),
                    w.lead().id().toString()));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    assertThat(a.json().get("status").asString()).isEqualTo("PLANNED");
    return a.json().get("id").asString();
  }

  /** A visit planned, its findings recorded and responded to with actions due in so many days. */
  String responded(World w, int due1, int due2) {
    String id = plan(w);
    status(w.lead().api().post(BASE + "/" + id + "/findings", findings()), 200);
    status(
        w.visited()
            .api()
            .post(
                BASE + "/" + id + "/response",
                response(today().plusDays(due1), today().plusDays(due2))),
        200);
    return id;
  }

  static Map<String, Object> planBody(
      String participant,
      String startsOn,
      String endsOn,
      String terms,
      List<String> team,
      String lead) {
    return Map.of(
        "participant", participant,
        "startsOn", startsOn,
        "endsOn", endsOn,
        "termsOfReference", terms,
        "team", team,
        "lead", lead);
  }

  static Map<String, Object> findings() {
    return Map.of(
        "findings",
        List.of(
            Map.of(
                "requirement",
                "IC-SYSTEM",
                "observation",
                "Purchases at mine sites are not reconciled with export parcels.",
                "recommendation",
                "Reconcile purchase registers before certifying."),
            Map.of(
                "requirement",
                "TRADE-CONFIRM",
                "observation",
                "Import confirmations arrive late.",
                "recommendation",
                "Chase each confirmation after thirty days.")));
  }

  Map<String, Object> response(LocalDate due1, LocalDate due2) {
    return Map.of(
        "response",
        "We accept the findings and propose this plan.",
        "actions",
        List.of(
            Map.of("finding", 1, "description", "Reconciliation sheet", "dueOn", due1.toString()),
            Map.of("finding", 2, "description", "Monthly follow-up", "dueOn", due2.toString())));
  }

  static Map<String, Object> note(String text) {
    return Map.of("note", text);
  }

  /** The visit as the secretariat reads it. */
  JsonNode read(World w, String id) {
    Answer a = w.secretariat().api().get(BASE + "/" + id);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json();
  }

  static void status(Answer a, int expected) {
    assertThat(a.status()).as(a.body()).isEqualTo(expected);
  }

  @Test
  void aVisitRunsFromPlanToClosedActionsAndOutOfOrderStepsChangeNothing() {
    World w = world("NA");
    String id = plan(w);
    String visit = BASE + "/" + id;

    // Findings: not by a team member who does not lead; not twice.
    status(w.member().api().post(visit + "/findings", findings()), 403);
    status(
        w.visited()
            .api()
            .post(visit + "/response", response(today().plusDays(30), today().plusDays(60))),
        409);
    status(w.lead().api().post(visit + "/findings", Map.of("findings", List.of())), 422);
    Answer recorded = w.lead().api().post(visit + "/findings", findings());
    status(recorded, 200);
    assertThat(recorded.json().get("status").asString()).isEqualTo("CONDUCTED");
    assertThat(recorded.json().get("findings")).hasSize(2);
    String before = read(w, id).toString();
    status(w.secretariat().api().post(visit + "/findings", findings()), 409);
    assertThat(read(w, id).toString()).isEqualTo(before);

    // The response: only by the visited authority; every finding needs an action.
    status(
        w.otherAuthority()
            .api()
            .post(visit + "/response", response(today().plusDays(30), today().plusDays(60))),
        404);
    status(
        w.lead()
            .api()
            .post(visit + "/response", response(today().plusDays(30), today().plusDays(60))),
        403);
    Answer partial =
        w.visited()
            .api()
            .post(
                visit + "/response",
                Map.of(
                    "response",
                    "Only one action.",
                    "actions",
                    List.of(
                        Map.of(
                            "finding",
                            1,
                            "description",
                            "Sheet",
                            "dueOn",
                            today().plusDays(30).toString()))));
    status(partial, 422);
    status(
        w.visited().api().post(visit + "/response", response(today(), today().plusDays(60))), 422);
    assertThat(read(w, id).toString()).isEqualTo(before);
    Answer responded =
        w.visited()
            .api()
            .post(visit + "/response", response(today().plusDays(30), today().plusDays(60)));
    status(responded, 200);
    assertThat(responded.json().get("status").asString()).isEqualTo("RESPONDED");
    assertThat(responded.json().get("actions")).hasSize(2);

    // Progress waits for the plan's acceptance; the visited authority does not accept it.
    status(w.visited().api().post(visit + "/actions/1/progress", note("Started")), 409);
    status(w.visited().api().post(visit + "/plan-acceptance", Map.of()), 403);
    status(w.lead().api().post(visit + "/plan-acceptance", Map.of()), 200);
    status(w.secretariat().api().post(visit + "/plan-acceptance", Map.of()), 409);
    status(w.visited().api().post(visit + "/actions/1/progress", note("Sheet in use")), 200);
    status(w.visited().api().post(visit + "/actions/1/closure", note("Done")), 403);
    status(w.secretariat().api().post(visit + "/actions/9/closure", note("Done")), 404);
    status(w.secretariat().api().post(visit + "/actions/1/closure", note("")), 422);

    Answer first = w.secretariat().api().post(visit + "/actions/1/closure", note("Seen in use"));
    status(first, 200);
    assertThat(first.json().get("status").asString()).isEqualTo("RESPONDED");
    status(w.lead().api().post(visit + "/actions/1/closure", note("Again")), 409);
    Answer last = w.lead().api().post(visit + "/actions/2/closure", note("Reports received"));
    status(last, 200);
    JsonNode closed = last.json();
    assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
    assertThat(closed.get("closedAt").isNull()).isFalse();
    assertThat(closed.at("/actions/0/progress/0/note").asString()).isEqualTo("Sheet in use");
    assertThat(closed.at("/actions/0/closingNote").asString()).isEqualTo("Seen in use");
    status(w.secretariat().api().post(visit + "/actions/2/progress", note("Late")), 409);

    // Every step is in the audit trail.
    assertThat(
            jdbc.sql("select count(*) from audit_record where subject like ?")
                .param(id + "%")
                .query(Long.class)
                .single())
        .isEqualTo(7);
  }

  @Test
  void theReportIsInTheTransparencyLogAndTheAuditRecomputesIt() {
    World w = world("GH");
    String id = responded(w, 30, 60);
    await().atMost(Duration.ofSeconds(30)).until(() -> log.pending() == 0);
    String findings = ReviewVisitRecords.FINDINGS + " " + id;
    String response = ReviewVisitRecords.RESPONSE + " " + id;
    assertThat(audit.run().findings())
        .filteredOn(a -> a.where().equals(findings) || a.where().equals(response))
        .isEmpty();
    Answer entries =
        w.secretariat()
            .api()
            .get("/api/v1/log/records/" + ReviewVisitRecords.FINDINGS + "/" + id + "/entries");
    status(entries, 200);

    jdbc.sql(
            "update governance_review_visit_finding set observation = 'All is well'"
                + " where visit_id = ? and finding_no = 1")
        .param(java.util.UUID.fromString(id))
        .update();
    assertThat(audit.run().findings())
        .anySatisfy(
            a -> {
              assertThat(a.kind()).isEqualTo("record-changed");
              assertThat(a.where()).isEqualTo(findings);
            });
    jdbc.sql(
            "update governance_review_visit_finding set observation = ?"
                + " where visit_id = ? and finding_no = 1")
        .param("Purchases at mine sites are not reconciled with export parcels.")
        .param(java.util.UUID.fromString(id))
        .update();
    assertThat(audit.run().findings()).filteredOn(a -> a.where().equals(findings)).isEmpty();
  }

  @Test
  void anOverdueActionIsListedForTheSecretariatAndTheWgmAndEscalatedOnce() {
    World w = world("LS");
    String id = responded(w, 10, 60);
    status(w.secretariat().api().post(BASE + "/" + id + "/plan-acceptance", Map.of()), 200);

    // Due in ten days: on the tenth day not overdue, on the eleventh it is.
    clock.advance(Duration.ofDays(10));
    assertThat(overdue(w, id)).isEmpty();
    assertThat(read(w, id).at("/actions/0/overdue").asBoolean()).isFalse();
    clock.advance(Duration.ofDays(1));
    assertThat(overdue(w, id)).hasSize(1);
    assertThat(read(w, id).at("/actions/0/overdue").asBoolean()).isTrue();
    assertThat(read(w, id).at("/actions/1/overdue").asBoolean()).isFalse();

    // Escalated once, however often the job runs; the list shows when.
    escalation.escalate();
    String escalatedAt = overdue(w, id).get(0).at("/action/escalatedAt").asString();
    assertThat(escalatedAt).isNotBlank();
    clock.advance(Duration.ofHours(6));
    escalation.escalate();
    assertThat(overdue(w, id).get(0).at("/action/escalatedAt").asString()).isEqualTo(escalatedAt);
    assertThat(
            jdbc.sql("select count(*) from audit_record where action = ? and subject = ?")
                .param("governance.review-visit-action-escalated")
                .param(id + "/1")
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // The WGM member sees the list; the visited authority, another authority and a trader not.
    assertThat(ids(w.wgm().api().get(BASE + "/overdue-actions"))).contains(id);
    status(w.visited().api().get(BASE + "/overdue-actions"), 403);
    status(w.otherAuthority().api().get(BASE + "/overdue-actions"), 403);
    status(w.trader().api().get(BASE + "/overdue-actions"), 403);
    status(anonymous().get(BASE + "/overdue-actions"), 401);

    // Closed, it is no longer overdue.
    status(w.secretariat().api().post(BASE + "/" + id + "/actions/1/closure", note("Done")), 200);
    assertThat(overdue(w, id)).isEmpty();
  }

  List<JsonNode> overdue(World w, String id) {
    Answer a = w.secretariat().api().get(BASE + "/overdue-actions");
    status(a, 200);
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode o : a.json()) {
      if (o.get("visit").asString().equals(id)) {
        out.add(o);
      }
    }
    return out;
  }

  static List<String> ids(Answer a) {
    status(a, 200);
    List<String> out = new ArrayList<>();
    a.json().forEach(o -> out.add(o.get("visit").asString()));
    return out;
  }

  @Test
  void theTeamTheWgmAndTheVisitedAuthoritySeeTheVisitOthersOnlyThatItTookPlace() {
    World w = world("SL");
    String id = plan(w);
    String visit = BASE + "/" + id;
    for (Actor who : List.of(w.secretariat(), w.lead(), w.member(), w.wgm(), w.visited())) {
      Answer a = who.api().get(visit);
      status(a, 200);
      assertThat(a.json().get("termsOfReference").asString()).contains("alluvial");
    }
    for (Actor who : List.of(w.otherAuthority(), w.trader())) {
      status(who.api().get(visit), 404);
      status(who.api().post(visit + "/findings", findings()), 404);
      status(who.api().post(visit + "/plan-acceptance", Map.of()), 404);
    }
    status(anonymous().get(visit), 401);
    status(w.secretariat().api().get(BASE + "/not-a-visit"), 404);
    status(w.lead().api().post(BASE, Map.of("participant", "SL")), 403);

    // The public list: participant, dates and status only.
    Answer listed = anonymous().get(BASE + "?participant=SL");
    status(listed, 200);
    JsonNode summary = listed.json().get("visits").get(0);
    assertThat(summary.get("id").asString()).isEqualTo(id);
    assertThat(summary.get("status").asString()).isEqualTo("PLANNED");
    assertThat(summary.has("termsOfReference")).isFalse();
    assertThat(summary.has("team")).isFalse();
    status(anonymous().get(BASE + "?size=1000"), 400);
    status(anonymous().get(BASE + "?status=SOMETIME"), 400);
    status(anonymous().get(BASE + "/requirements"), 200);

    // Planning refuses what is not a plan, and names the fields.
    Answer bad =
        w.secretariat()
            .api()
            .post(
                BASE,
                planBody(
                    "SL",
                    today().plusDays(10).toString(),
                    today().plusDays(2).toString(),
                    "x",
                    List.of(w.visited().id().toString()),
                    w.visited().id().toString()));
    status(bad, 422);
    assertThat(bad.body()).contains("endsOn").contains("team");
  }

  @Test
  void theParticipantPageShowsTheLastVisitToAllAndOpenActionsToThoseWhoSeeIt() {
    World w = world("TZ");
    String id = responded(w, 5, 60);
    clock.advance(Duration.ofDays(6));
    ParticipantPanel panel =
        panels.stream()
            .filter(p -> p.getClass().getSimpleName().startsWith("ReviewVisit"))
            .findFirst()
            .orElseThrow();
    ParticipantPanel.Panel everyone =
        panel.panel(ParticipantCode.of("TZ"), null, Locale.ENGLISH).orElseThrow();
    assertThat(everyone.rows()).hasSize(1);
    assertThat(everyone.rows().get(0).text()).contains("responded");
    assertThat(everyone.rows().get(0).href()).isNull();
    ParticipantPanel.Panel visited =
        panel
            .panel(ParticipantCode.of("TZ"), w.visited().caller(accounts), Locale.ENGLISH)
            .orElseThrow();
    assertThat(visited.rows()).hasSize(3);
    assertThat(visited.rows().get(0).href()).isEqualTo("/console/review-visits/" + id);
    assertThat(visited.rows().get(1).text()).contains("Reconciliation sheet");
    assertThat(visited.rows().get(1).mark()).isEqualTo("overdue");
    assertThat(visited.rows().get(2).mark()).isNull();
    ParticipantPanel.Panel outsider =
        panel
            .panel(ParticipantCode.of("TZ"), w.otherAuthority().caller(accounts), Locale.ENGLISH)
            .orElseThrow();
    assertThat(outsider.rows()).hasSize(1);
    Answer page = anonymous().getPage("/participants/TZ");
    status(page, 200);
    assertThat(page.body()).contains("Last peer review visit").doesNotContain("Reconciliation");
  }
}

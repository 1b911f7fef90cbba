package org.kimberlite.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kimberlite.governance.internal.AnnualReportRecords;
import org.kimberlite.ledger.Audit;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.support.Actors;
import org.kimberlite.support.Actors.Actor;
import org.kimberlite.support.Api;
import org.kimberlite.support.Api.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Annual reports through the API: a draft, its submission, the refusal to edit what was submitted
 * (nothing changes), a correction as version 2 with both versions readable and each committed to
 * the log; late and missing reports on fixed clocks at the due date's boundary; who sees what (the
 * own authority, another authority, the secretariat, a member of the Working Group on Monitoring);
 * the WGM's questions and the participant's answers. Each test files for a year of its own.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
abstract class AnnualReportContract {
  static final String BASE = "/api/v1/governance/annual-reports";

  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;
  @Autowired AnnualReports reports;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;
  @Autowired TransparencyLog log;
  @Autowired Audit audit;

  Actor botswana;
  Actor southAfrica;
  Actor canada;
  Actor secretariat;
  Actor trader;

  Actor actor(OrganisationRole role, String country) {
    return new Actors(organisations, accounts, new Api("http://127.0.0.1:" + port))
        .create(role, country);
  }

  @BeforeEach
  void world() {
    botswana = actor(OrganisationRole.KP_AUTHORITY, "BW");
    southAfrica = actor(OrganisationRole.KP_AUTHORITY, "ZA");
    canada = actor(OrganisationRole.KP_AUTHORITY, "CA");
    secretariat = actor(OrganisationRole.KP_SECRETARIAT, "BW");
    trader = actor(OrganisationRole.TRADER, "BW");
    // Canada's authority sits on the Working Group on Monitoring; South Africa's does not.
    Answer seat =
        secretariat
            .api()
            .post(
                "/api/v1/governance/memberships",
                Map.of(
                    "body",
                    "WORKING_GROUP_ON_MONITORING",
                    "organisationId",
                    canada.id().toString(),
                    "seat",
                    "MEMBER"));
    assertThat(seat.status()).as(seat.body()).isEqualTo(201);
  }

  static Map<String, Object> sections(String prefix) {
    Map<String, Object> s = new HashMap<>();
    for (ReportSection section : ReportSection.values()) {
      s.put(section.name(), prefix + " " + section.name().toLowerCase(java.util.Locale.ROOT));
    }
    return Map.of("sections", s);
  }

  static String path(String participant, int year) {
    return BASE + "/" + participant + "/" + year;
  }

  Answer ok(Answer a, int status) {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    return a;
  }

  @Test
  void aSubmittedReportIsNeverEditedACorrectionIsANewVersionBothLogged() {
    String report = path("BW", 2015);
    JsonNode draft = ok(botswana.api().put(report + "/draft", sections("First")), 200).json();
    assertThat(draft.get("standing").asString()).isEqualTo("MISSING");
    assertThat(draft.get("draft").get("revision").asLong()).isEqualTo(1);
    assertThat(draft.get("draft").get("sections").get("LEGISLATION").asString())
        .isEqualTo("First legislation");
    // a stale revision is refused
    Map<String, Object> stale = new HashMap<>(sections("Stale"));
    stale.put("revision", 7);
    assertThat(botswana.api().put(report + "/draft", stale).status()).isEqualTo(409);
    // an attachment: type read from the content, name must fit
    Answer pdf =
        botswana
            .api()
            .exchange(
                "POST",
                report + "/draft/attachments?name=decree.pdf",
                "%PDF-1.7\nminimal\n%%EOF\n",
                "Content-Type",
                "application/octet-stream");
    ok(pdf, 201);
    Answer lying =
        botswana
            .api()
            .exchange(
                "POST",
                report + "/draft/attachments?name=figures.pdf",
                "year,carats\n2015,1000\n",
                "Content-Type",
                "application/pdf");
    assertThat(lying.status()).as(lying.body()).isEqualTo(422);
    assertThat(lying.body()).contains("plain text");

    JsonNode v1 = ok(botswana.api().post(report + "/submissions", Map.of()), 201).json();
    assertThat(v1.get("draft").isNull()).isTrue();
    assertThat(v1.get("versions")).hasSize(1);
    assertThat(v1.get("standing").asString()).isEqualTo("FILED_LATE");
    JsonNode first = v1.get("versions").get(0);
    assertThat(first.get("attachments").get(0).get("mediaType").asString())
        .isEqualTo("application/pdf");
    assertThat(first.get("attachments").get(0).get("sha256").asString())
        .isEqualTo(
            AnnualReportRecords.sha256(
                "%PDF-1.7\nminimal\n%%EOF\n".getBytes(StandardCharsets.UTF_8)));

    // editing, re-submitting or attaching to a submitted version is refused, and changes nothing
    Answer edit = botswana.api().put(report + "/draft", sections("Rewritten"));
    assertThat(edit.status()).as(edit.body()).isEqualTo(409);
    assertThat(edit.json().get("type").asString()).contains("annual-report-submitted");
    assertThat(edit.json().get("detail").asString()).contains("correction");
    assertThat(botswana.api().post(report + "/submissions", Map.of()).status()).isEqualTo(409);
    assertThat(
            botswana
                .api()
                .exchange(
                    "POST",
                    report + "/draft/attachments?name=notes.txt",
                    "notes",
                    "Content-Type",
                    "text/plain")
                .status())
        .isEqualTo(409);
    JsonNode unchanged = ok(botswana.api().get(report + "/versions/1"), 200).json();
    assertThat(unchanged.get("sections").get("LEGISLATION").asString())
        .isEqualTo("First legislation");
    assertThat(ok(botswana.api().get(report), 200).json().get("draft").isNull()).isTrue();

    // the correction: a draft from version 1, submitted as version 2 superseding it
    JsonNode opened = ok(botswana.api().post(report + "/corrections", Map.of()), 201).json();
    assertThat(opened.get("draft").get("basedOn").asInt()).isEqualTo(1);
    assertThat(opened.get("draft").get("attachments")).hasSize(1);
    assertThat(botswana.api().post(report + "/corrections", Map.of()).status()).isEqualTo(409);
    ok(
        botswana
            .api()
            .put(
                report + "/draft",
                Map.of("sections", Map.of("STATISTICS", "Corrected statistics"), "revision", 1)),
        200);
    JsonNode v2 = ok(botswana.api().post(report + "/submissions", Map.of()), 201).json();
    assertThat(v2.get("versions")).hasSize(2);
    assertThat(v2.get("versions").get(0).get("supersededBy").asInt()).isEqualTo(2);
    assertThat(v2.get("versions").get(1).get("supersedes").asInt()).isEqualTo(1);
    JsonNode second = ok(botswana.api().get(report + "/versions/2"), 200).json();
    assertThat(second.get("sections").get("STATISTICS").asString())
        .isEqualTo("Corrected statistics");
    assertThat(second.get("sections").get("LEGISLATION").asString()).isEqualTo("First legislation");
    assertThat(
            ok(botswana.api().get(report + "/versions/1"), 200)
                .json()
                .get("sections")
                .get("STATISTICS")
                .asString())
        .isEqualTo("First statistics");
    // the attachment reads back byte for byte
    String href = second.get("attachments").get(0).get("href").asString();
    var file = botswana.api().bytes(href);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(new String(file.body(), StandardCharsets.UTF_8)).startsWith("%PDF-1.7");

    // each version is committed to the log, and the audit recomputes it from its row
    List<String> where = new ArrayList<>();
    for (JsonNode v : List.of(unchanged, second)) {
      assertThat(botswana.api().get(v.get("logHref").asString()).status()).isEqualTo(200);
      where.add(AnnualReportRecords.TYPE + " " + v.get("id").asString());
    }
    assertThat(where.get(0)).isNotEqualTo(where.get(1));
    await().atMost(Duration.ofSeconds(30)).until(() -> log.pending() == 0);
    assertThat(audit.run().findings()).filteredOn(a -> where.contains(a.where())).isEmpty();
    UUID firstId = UUID.fromString(unchanged.get("id").asString());
    jdbc.sql("update governance_report_version set statistics = 'Quietly changed' where id = ?")
        .param(firstId)
        .update();
    assertThat(audit.run().findings())
        .anySatisfy(
            a -> {
              assertThat(a.kind()).isEqualTo("record-changed");
              assertThat(a.where()).isEqualTo(where.get(0));
            });
    jdbc.sql("update governance_report_version set statistics = 'First statistics' where id = ?")
        .param(firstId)
        .update();
    assertThat(audit.run().findings()).filteredOn(a -> where.contains(a.where())).isEmpty();

    // and both submissions are in the authority's audit trail
    JsonNode trail = ok(botswana.api().get("/api/v1/audit-records?size=100"), 200).json();
    long submissions = 0;
    for (JsonNode r : trail) {
      if (r.get("action").asString().equals("governance.annual-report-submitted")
          && r.get("subject").asString().equals("annual-report:BW:2015")) {
        submissions++;
      }
    }
    assertThat(submissions).isEqualTo(2);
  }

  /** Submits a complete report of {@code who}'s participant for {@code year} at {@code at}. */
  void fileAt(Actor who, String participant, int year, Instant at) {
    AnnualReports then = reports.on(Clock.fixed(at, ZoneOffset.UTC));
    var caller = who.caller(accounts);
    ParticipantCode p = ParticipantCode.of(participant);
    Map<ReportSection, String> text = new java.util.EnumMap<>(ReportSection.class);
    for (ReportSection s : ReportSection.values()) {
      text.put(s, "Filed " + s);
    }
    transactions.executeWithoutResult(
        t -> {
          assertThat(then.saveDraft(caller, p, ReportingYear.of(year), text, null))
              .isInstanceOf(AnnualReportChange.Done.class);
          assertThat(then.submit(caller, p, ReportingYear.of(year)))
              .isInstanceOf(AnnualReportChange.Done.class);
        });
  }

  @Test
  void onTimeUpToTheEndOfTheDueDateLateTheDayAfterMissingWhenNothingCame() {
    int year = 2016;
    // the secretariat sets the due date; others may not
    assertThat(
            botswana.api().put(BASE + "/due-dates/" + year, Map.of("dueOn", "2017-04-30")).status())
        .isEqualTo(403);
    Answer set =
        ok(secretariat.api().put(BASE + "/due-dates/" + year, Map.of("dueOn", "2017-04-30")), 200);
    assertThat(set.json().get("dueOn").asString()).isEqualTo("2017-04-30");
    assertThat(
            secretariat
                .api()
                .put(BASE + "/due-dates/" + year, Map.of("dueOn", "2030-01-01"))
                .status())
        .isEqualTo(422);

    fileAt(botswana, "BW", year, Instant.parse("2017-04-30T23:59:59Z"));
    fileAt(southAfrica, "ZA", year, Instant.parse("2017-05-01T00:00:00Z"));
    JsonNode overview = ok(secretariat.api().get(BASE + "?year=" + year), 200).json();
    Map<String, String> standing = new HashMap<>();
    for (JsonNode row : overview.get("participants")) {
      standing.put(row.get("participant").asString(), row.get("standing").asString());
    }
    assertThat(standing).containsEntry("BW", "FILED").containsEntry("ZA", "FILED_LATE");
    assertThat(standing).containsEntry("CA", "MISSING");
    assertThat(overview.get("counts").get("FILED_LATE").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(overview.get("dueSetBy").asString()).isEqualTo(secretariat.username());
    // a correction after the due date does not make an on-time report late
    AnnualReports later =
        reports.on(Clock.fixed(Instant.parse("2017-09-01T00:00:00Z"), ZoneOffset.UTC));
    var caller = botswana.caller(accounts);
    transactions.executeWithoutResult(
        t -> {
          later.correct(caller, ParticipantCode.of("BW"), ReportingYear.of(year));
          later.submit(caller, ParticipantCode.of("BW"), ReportingYear.of(year));
        });
    assertThat(ok(botswana.api().get(path("BW", year)), 200).json().get("standing").asString())
        .isEqualTo("FILED");
  }

  @Test
  void theOwnAuthorityFilesTheWgmReadsAndAsksOthersLearnNothing() {
    String report = path("BW", 2017);
    ok(botswana.api().put(report + "/draft", sections("Own")), 200);
    // the draft is the authority's own: the secretariat and the WGM see no draft
    assertThat(secretariat.api().get(report).json().get("draft").isNull()).isTrue();
    assertThat(canada.api().get(report).json().get("draft").isNull()).isTrue();
    ok(botswana.api().post(report + "/submissions", Map.of()), 201);

    // another authority and a company learn nothing; the secretariat and the WGM read
    for (Actor stranger : List.of(southAfrica, trader)) {
      assertThat(stranger.api().get(report).status()).isEqualTo(404);
      assertThat(stranger.api().get(report + "/versions/1").status()).isEqualTo(404);
      assertThat(stranger.api().put(report + "/draft", sections("X")).status()).isEqualTo(404);
      assertThat(
              stranger
                  .api()
                  .post(report + "/versions/1/assessments", Map.of("assessment", "x"))
                  .status())
          .isEqualTo(404);
      assertThat(stranger.api().get(BASE + "?year=2017").status()).isEqualTo(403);
    }
    assertThat(new Api("http://127.0.0.1:" + port).get(report).status()).isEqualTo(401);
    ok(secretariat.api().get(report + "/versions/1"), 200);
    ok(canada.api().get(report + "/versions/1"), 200);
    ok(canada.api().get(BASE + "?year=2017"), 200);
    // reading is not filing
    assertThat(secretariat.api().post(report + "/corrections", Map.of()).status()).isEqualTo(403);
    assertThat(canada.api().put(report + "/draft", sections("X")).status()).isEqualTo(403);
    // and only the WGM assesses
    assertThat(
            secretariat
                .api()
                .post(report + "/versions/1/assessments", Map.of("assessment", "x"))
                .status())
        .isEqualTo(403);
    assertThat(
            canada
                .api()
                .post(
                    report + "/versions/1/assessments",
                    Map.of("assessment", " ", "questions", List.of("")))
                .status())
        .isEqualTo(422);

    JsonNode assessed =
        ok(
                canada
                    .api()
                    .post(
                        report + "/versions/1/assessments",
                        Map.of(
                            "assessment",
                            "Complete; internal controls well described.",
                            "questions",
                            List.of(
                                "How many alluvial licences were issued?",
                                "Were any seizures made?"))),
                201)
            .json();
    JsonNode a = assessed.get("assessments").get(0);
    assertThat(a.get("version").asInt()).isEqualTo(1);
    assertThat(a.get("questions")).hasSize(2);
    String question = a.get("questions").get(0).get("id").asString();
    String answerPath = report + "/questions/" + question + "/answers";

    // the participant answers, once; the WGM and strangers do not
    assertThat(canada.api().post(answerPath, Map.of("answer", "x")).status()).isEqualTo(403);
    assertThat(southAfrica.api().post(answerPath, Map.of("answer", "x")).status()).isEqualTo(404);
    JsonNode answered =
        ok(botswana.api().post(answerPath, Map.of("answer", "212 licences.")), 200).json();
    JsonNode q = answered.get("assessments").get(0).get("questions").get(0);
    assertThat(q.get("answer").asString()).isEqualTo("212 licences.");
    assertThat(q.get("answeredBy").asString()).isEqualTo(botswana.username());
    assertThat(botswana.api().post(answerPath, Map.of("answer", "again")).status()).isEqualTo(409);
    // the secretariat sees the assessment, the answer and the open question
    JsonNode seen = ok(secretariat.api().get(report), 200).json();
    assertThat(seen.get("assessments").get(0).get("questions").get(0).get("answer").asString())
        .isEqualTo("212 licences.");
    JsonNode overview = ok(secretariat.api().get(BASE + "?year=2017"), 200).json();
    for (JsonNode row : overview.get("participants")) {
      if (row.get("participant").asString().equals("BW")) {
        assertThat(row.get("openQuestions").asInt()).isEqualTo(1);
        assertThat(row.get("latestVersion").asInt()).isEqualTo(1);
      }
    }
    // each step is in the audit trail of who did it
    assertThat(canada.api().get("/api/v1/audit-records?size=100").body())
        .contains("governance.annual-report-assessment");
    assertThat(botswana.api().get("/api/v1/audit-records?size=100").body())
        .contains("governance.annual-report-answer");
  }
}

package org.kimberlite.diligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kimberlite.diligence.internal.DiligenceJobs;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.support.Actors;
import org.kimberlite.support.Actors.Actor;
import org.kimberlite.support.Api;
import org.kimberlite.support.Api.Answer;
import org.kimberlite.support.PageSession;
import org.kimberlite.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Red flags through the public API: facts built over HTTP, the finding appears (the listener runs
 * after the commit, so the test polls with a deadline) with its evidence — and a twin that must not
 * raise it; idempotency; responses and escalation; access.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
@Import(TestClock.Config.class)
abstract class DiligenceContract {
  static final Duration DEADLINE = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired org.kimberlite.statistics.PublishedFigures published;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;
  @Autowired TestClock clock;
  @Autowired DiligenceJobs jobs;
  @Autowired JdbcClient jdbc;
  @Autowired org.kimberlite.ledger.TransparencyLog log;
  @Autowired org.kimberlite.ledger.Audit audit;
  @Autowired org.kimberlite.platform.events.internal.PublicationRegistryJobs registry;

  Actor botswana;
  Actor belgium;
  Actor secretariat;
  Actor exporter;
  Actor importer;
  Actor stranger;
  LocalDate today;

  Actor actor(OrganisationRole role, String country) {
    return new Actors(organisations, accounts, new Api("http://127.0.0.1:" + port))
        .create(role, country);
  }

  @BeforeEach
  void world() {
    today = LocalDate.now(clock);
    botswana = actor(OrganisationRole.KP_AUTHORITY, "BW");
    belgium = actor(OrganisationRole.KP_AUTHORITY, "BE");
    secretariat = actor(OrganisationRole.KP_SECRETARIAT, "BW");
    exporter = actor(OrganisationRole.TRADER, "BW");
    importer = actor(OrganisationRole.TRADER, "BE");
    stranger = actor(OrganisationRole.TRADER, "AE");
  }

  @AfterEach
  void timeResumes() {
    clock.reset();
  }

  Map<String, Object> shipment(String origin, String seal) {
    return shipment(origin, seal, "187560.00");
  }

  Map<String, Object> shipment(String origin, String seal, String valueUsd) {
    Map<String, Object> body = new HashMap<>();
    body.put("exporter", exporter.id().toString());
    body.put("importer", importer.id().toString());
    body.put("importingParticipant", "EU");
    body.put("origin", Map.of("kind", "single", "countries", List.of(origin)));
    body.put(
        "lines", List.of(Map.of("hsCode", "7102.31", "carats", "1250.40", "valueUsd", valueUsd)));
    body.put("parcels", 3);
    body.put("sealId", seal);
    body.put("issuedOn", today.toString());
    body.put("expiresOn", today.plusDays(30).toString());
    return body;
  }

  String issue(String origin) {
    Answer a = botswana.api().post("/api/v1/certificates", shipment(origin, "SEAL-1"));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json().get("number").asString();
  }

  void confirm(String number, String seal) {
    Map<String, Object> body = new HashMap<>();
    body.put("parcels", 3);
    body.put("carats", "1250.40");
    body.put("importer", importer.id().toString());
    body.put("exporter", exporter.id().toString());
    body.put("sealId", seal);
    body.put("receivedOn", today.toString());
    Answer a = belgium.api().post("/api/v1/certificates/" + number + "/confirmation", body);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
  }

  /** The caller's findings of a rule whose evidence names the certificate. */
  List<JsonNode> findings(Actor who, String rule, String certificate) {
    Answer a = who.api().get("/api/v1/findings?rule=" + rule + "&size=100");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode f : a.json().get("findings")) {
      for (JsonNode e : f.get("evidence")) {
        if (e.get("kind").asString().equals("certificate")
            && e.get("ref").asString().equals(certificate)) {
          out.add(f);
          break;
        }
      }
    }
    return out;
  }

  /** The exporter's Ada Okafor answers: continue with a plan, until a review date. */
  Answer continuing(String path, String plan, LocalDate reviewOn) {
    return exporter
        .api()
        .post(
            path,
            Map.of(
                "decision",
                "CONTINUE",
                "responder",
                "Ada Okafor",
                "plan",
                plan,
                "reviewOn",
                reviewOn.toString()));
  }

  JsonNode awaitFinding(Actor who, String rule, String certificate) {
    await()
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !findings(who, rule, certificate).isEmpty());
    return findings(who, rule, certificate).get(0);
  }

  /** Every published fact has been handled (its publication completed): the twin's too. */
  void settled(String marker) {
    settled(jdbc, marker);
  }

  /** Every published fact has been handled, within {@link #DEADLINE}. */
  static void settled(JdbcClient jdbc, String marker) {
    await()
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(100))
        .alias("facts about " + marker + " handled")
        .until(
            () ->
                jdbc.sql("select count(*) from event_publication where completion_date is null")
                        .query(Long.class)
                        .single()
                    == 0);
  }

  @Test
  void dd01OriginInATransitCountryOfAConflictArea() {
    String risky = issue("CD");
    JsonNode f = awaitFinding(exporter, "DD-01", risky);
    assertThat(f.get("severity").asString()).isEqualTo("MEDIUM");
    assertThat(f.get("status").asString()).isEqualTo("OPEN");
    assertThat(f.get("summary").asString()).contains("CD").contains("CF");
    assertThat(f.get("evidence").toString()).contains("/api/v1/certificates/" + risky);
    assertThat(f.get("evidence").toString()).contains("risk-entry");
    assertThat(f.get("organisations").toString()).contains(exporter.id().toString());
    // the importer, both authorities (by participant) and the secretariat see it; others do not
    awaitFinding(importer, "DD-01", risky);
    awaitFinding(botswana, "DD-01", risky);
    awaitFinding(secretariat, "DD-01", risky);
    assertThat(findings(stranger, "DD-01", risky)).isEmpty();
    // unfiltered inboxes (read from each party's links by time): the same, newest first (the
    // parties are new in each test; an authority's first page may hold findings other tests
    // raised with the clock moved on)
    for (Actor who : List.of(exporter, importer)) {
      assertThat(inbox(who)).as(who.username()).contains(f.get("id").asString());
    }
    assertThat(inbox(stranger)).doesNotContain(f.get("id").asString());
    Answer hidden = stranger.api().get("/api/v1/findings/" + f.get("id").asString());
    assertThat(hidden.status()).isEqualTo(404);
    assertThat(hidden.body()).doesNotContain("DD-01");

    String twin = issue("BW");
    settled(twin);
    assertThat(findings(exporter, "DD-01", twin)).isEmpty();
  }

  /**
   * A crash between the commit and the listener: the publication is incomplete and the finding was
   * never raised. When the server is ready it publishes the fact again and the finding appears;
   * completed publications past their retention are purged, the others kept.
   */
  @Test
  void aFactLeftIncompleteByACrashIsPublishedAgainAndCompletedOnesArePurged() {
    String risky = issue("CD");
    JsonNode f = awaitFinding(exporter, "DD-01", risky);
    settled(risky);
    // As after a crash: the finding never written, the certificate's facts never marked complete.
    java.util.UUID id = java.util.UUID.fromString(f.get("id").asString());
    for (String table :
        List.of(
            "diligence_evidence",
            "diligence_finding_organisation",
            "diligence_finding_participant")) {
      jdbc.sql("delete from " + table + " where finding_id = ?").param(id).update();
    }
    jdbc.sql("delete from diligence_finding where id = ?").param(id).update();
    int reopened =
        jdbc.sql(
                "update event_publication set completion_date = null, status = 'PUBLISHED',"
                    + " completion_attempts = 1 where serialized_event like ?")
            .param("%" + risky + "%")
            .update();
    assertThat(reopened).isPositive();
    assertThat(findings(exporter, "DD-01", risky)).isEmpty();

    registry.republishIncomplete();
    JsonNode again = awaitFinding(exporter, "DD-01", risky);
    assertThat(again.get("summary").asString()).isEqualTo(f.get("summary").asString());
    settled(risky);

    // Retention: a week by default. The risky certificate's publications made old, a fresh one's
    // left recent: only the old ones go.
    String fresh = issue("BW");
    settled(fresh);
    java.time.OffsetDateTime old =
        java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).minusDays(8);
    jdbc.sql(
            "update event_publication set completion_date = ?, publication_date = ? where"
                + " serialized_event like ?")
        .param(old)
        .param(old)
        .param("%" + risky + "%")
        .update();
    registry.purgeCompleted();
    assertThat(publications(risky)).isZero();
    assertThat(publications(fresh)).isPositive();
  }

  long publications(String certificate) {
    return jdbc.sql("select count(*) from event_publication where serialized_event like ?")
        .param("%" + certificate + "%")
        .query(Long.class)
        .single();
  }

  /** A seller's warranty statement, the revised text (SOW-01). */
  static final String WARRANTY =
      ", \"kimberlite:warranty\": \"The diamonds herein invoiced have been purchased from"
          + " legitimate sources not involved in funding conflict, in compliance with United Nations"
          + " resolutions and corresponding national laws. The seller hereby guarantees that these"
          + " diamonds are conflict free and confirms adherence to the WDC SoW Guidelines.\"";

  /**
   * SOW-03: a miner without a current SoW registration sells warranted rough; the finding names the
   * seller with the shipping event as evidence. Its twin, registered, sells the same way: none.
   */
  @Test
  void sow03ASellerWithoutACurrentSowRegistrationGivesAWarrantyAndItsTwin() {
    Actor unregistered = actor(OrganisationRole.MINER, "BW");
    Actor registered = actor(OrganisationRole.MINER, "BW");
    certified(registered, today.minusMonths(1));
    Actor buyer = actor(OrganisationRole.TRADER, "BW");
    String sale =
        ", \"destinationList\": [{\"type\": \"owning_party\", \"destination\":"
            + " \"urn:kimberlite:org:"
            + buyer.id()
            + "\"}], \"bizTransactionList\": [{\"type\": \"inv\", \"bizTransaction\":"
            + " \"urn:kimberlite:invoice:1\"}]"
            + WARRANTY;
    String natural = ", \"kimberlite:nature\": \"natural\", \"kimberlite:origin\": [\"BW\"]";
    String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
    String bad = "urn:epc:class:lgtin:9521141.012345." + suffix;
    String good = bad + "7";
    for (Actor seller : List.of(unregistered, registered)) {
      String lot = seller.equals(unregistered) ? bad : good;
      captured(
          seller,
          lotEvent(lot, "ADD", "commissioning", ", \"kimberlite:goods\": \"rough\"" + natural));
      captured(seller, lotEvent(lot, "OBSERVE", "shipping", sale));
    }
    await().atMost(DEADLINE).until(() -> !ruleFindings(unregistered, "SOW-03").isEmpty());
    JsonNode f = ruleFindings(unregistered, "SOW-03").get(0);
    assertThat(f.get("severity").asString()).isEqualTo("MEDIUM");
    assertThat(f.get("organisations").toString()).contains(unregistered.id().toString());
    assertThat(f.get("evidence").toString())
        .contains("\"kind\":\"event\"")
        .contains("/epcis/events/");
    settled(good);
    assertThat(ruleFindings(registered, "SOW-03")).isEmpty();
    assertThat(ruleFindings(stranger, "SOW-03")).isEmpty();
  }

  /** The ids on the first page of the caller's unfiltered inbox, checked newest first. */
  List<String> inbox(Actor who) {
    Answer a = who.api().get("/api/v1/findings?size=50");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    java.time.Instant previous = java.time.Instant.MAX;
    for (JsonNode f : a.json().get("findings")) {
      java.time.Instant at = java.time.Instant.parse(f.get("raisedAt").asString());
      assertThat(at).isBeforeOrEqualTo(previous);
      previous = at;
      ids.add(f.get("id").asString());
    }
    return ids;
  }

  /** The secretariat's findings of a rule for one participant. */
  List<JsonNode> participantFindings(String rule, String participant) {
    Answer a =
        secretariat
            .api()
            .get("/api/v1/findings?rule=" + rule + "&participant=" + participant + "&size=100");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    a.json().get("findings").forEach(out::add);
    return out;
  }

  /** Waits for the secretariat to see a finding of the rule and participant that matches. */
  JsonNode awaitParticipantFinding(
      String rule, String participant, java.util.function.Predicate<JsonNode> which) {
    await()
        .atMost(DEADLINE)
        .until(() -> participantFindings(rule, participant).stream().anyMatch(which));
    return participantFindings(rule, participant).stream().filter(which).findFirst().orElseThrow();
  }

  void file(Actor authority, String participant, int year, String half, String carats) {
    Answer a =
        authority
            .api()
            .put(
                "/api/v1/statistics/production/" + participant + "/" + year + "/" + half,
                Map.of("carats", carats, "valueUsd", "1000000.00"));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
  }

  /**
   * STAT-03 and STAT-04 from production reports filed through the API, on 15 September 2025 (H1
   * 2025 due, H2 not yet): Sierra Leone's production jumps tenfold from H1 to H2 2024 (an anomaly),
   * Lesotho has not filed H1 2025 (missing); Namibia filed 2024's halves alike and H1 2025 — the
   * twin of both. A finding once raised stays (its identity is the rule, participant and period),
   * so the twin is judged on what is raised after its filing.
   */
  @Test
  void stat03AndStat04FromFiledProductionAndTheirTwin() {
    clock.advance(
        Duration.between(clock.instant(), java.time.Instant.parse("2025-09-15T12:00:00Z")));
    java.time.Instant mark = clock.instant();
    Actor namibia = actor(OrganisationRole.KP_AUTHORITY, "NA");
    Actor sierraLeone = actor(OrganisationRole.KP_AUTHORITY, "SL");
    file(namibia, "NA", 2024, "H1", "1000000.00");
    file(namibia, "NA", 2024, "H2", "1050000.00");
    file(namibia, "NA", 2025, "H1", "990000.00");
    file(sierraLeone, "SL", 2024, "H1", "100000.00");
    file(sierraLeone, "SL", 2024, "H2", "1000000.00");
    JsonNode anomaly =
        awaitParticipantFinding("STAT-03", "SL", f -> f.get("summary").asString().contains("2024"));
    assertThat(anomaly.get("participants").toString()).contains("SL");
    assertThat(anomaly.get("evidence").toString())
        .contains("/api/v1/statistics/participants/SL?from=2024");
    awaitParticipantFinding("STAT-04", "LS", f -> f.get("summary").asString().contains("2025-H1"));
    settled("production 2024 and 2025");
    // the twin: Namibia's halves are alike and H1 2025 is filed
    assertThat(raisedSince(participantFindings("STAT-03", "NA"), mark))
        .noneMatch(f -> f.get("summary").asString().contains("2024"));
    assertThat(raisedSince(participantFindings("STAT-04", "NA"), mark))
        .noneMatch(f -> f.get("summary").asString().contains("2025-H1"));
    // a company sees none of the participants' statistics findings
    assertThat(ruleFindings(exporter, "STAT-04")).isEmpty();
  }

  static List<JsonNode> raisedSince(List<JsonNode> findings, java.time.Instant mark) {
    return findings.stream()
        .filter(f -> !java.time.Instant.parse(f.get("raisedAt").asString()).isBefore(mark))
        .toList();
  }

  /**
   * STAT-02: Namibia certifies an export to China that China never confirms (a mirror mismatch:
   * exported, not imported), found when the statistics are next judged (here on Lesotho's confirmed
   * export to India, which is the twin: exported and imported alike).
   */
  @Test
  void stat02MirrorMismatchBetweenAnExportAndItsImportAndItsTwin() {
    Actor namibia = actor(OrganisationRole.KP_AUTHORITY, "NA");
    Actor lesotho = actor(OrganisationRole.KP_AUTHORITY, "LS");
    Actor india = actor(OrganisationRole.KP_AUTHORITY, "IN");
    Actor naExporter = actor(OrganisationRole.TRADER, "NA");
    Actor cnImporter = actor(OrganisationRole.TRADER, "CN");
    Actor lsExporter = actor(OrganisationRole.TRADER, "LS");
    Actor inImporter = actor(OrganisationRole.TRADER, "IN");
    Map<String, Object> unconfirmed = lane(naExporter, cnImporter, "CN", "NA");
    Answer issued = namibia.api().post("/api/v1/certificates", unconfirmed);
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    Answer twin =
        lesotho.api().post("/api/v1/certificates", lane(lsExporter, inImporter, "IN", "LS"));
    assertThat(twin.status()).as(twin.body()).isEqualTo(201);
    String twinNumber = twin.json().get("number").asString();
    Map<String, Object> receipt = new HashMap<>();
    receipt.put("parcels", 3);
    receipt.put("carats", "1250.40");
    receipt.put("importer", inImporter.id().toString());
    receipt.put("exporter", lsExporter.id().toString());
    receipt.put("sealId", "SEAL-1");
    receipt.put("receivedOn", today.toString());
    Answer confirmed =
        india.api().post("/api/v1/certificates/" + twinNumber + "/confirmation", receipt);
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);

    JsonNode mirror =
        awaitParticipantFinding(
            "STAT-02", "NA", f -> f.get("participants").toString().contains("CN"));
    assertThat(mirror.get("evidence").toString())
        .contains("/api/v1/statistics/participants/NA")
        .contains("/api/v1/statistics/participants/CN");
    // China's authority sees it too (its participant is concerned)
    Actor china = actor(OrganisationRole.KP_AUTHORITY, "CN");
    assertThat(china.api().get("/api/v1/findings?rule=STAT-02&participant=CN").body())
        .contains(mirror.get("id").asString());
    settled(twinNumber);
    assertThat(participantFindings("STAT-02", "LS"))
        .noneMatch(f -> f.get("participants").toString().contains("IN"));
  }

  Map<String, Object> lane(Actor from, Actor to, String importing, String origin) {
    Map<String, Object> body = shipment(origin, "SEAL-1");
    body.put("exporter", from.id().toString());
    body.put("importer", to.id().toString());
    body.put("importingParticipant", importing);
    return body;
  }

  /** The audit recomputes each response from its table: an edited plan is found. */
  @Test
  void theAuditFindsAResponseEditedBehindThePlatformsBack() throws Exception {
    String risky = issue("CD");
    JsonNode f = awaitFinding(exporter, "DD-01", risky);
    Answer ok =
        exporter
            .api()
            .post(
                "/api/v1/findings/" + f.get("id").asString() + "/responses",
                Map.of("decision", "SUSPEND", "responder", "Ada Okafor", "plan", "Hold the lot"));
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    String entry = ok.json().get("responses").get(0).get("logHref").asString();
    java.util.UUID logEntry =
        java.util.UUID.fromString(entry.substring(entry.lastIndexOf('/') + 1));
    java.util.UUID responseId =
        jdbc.sql("select id from diligence_response where log_entry = ?")
            .param(logEntry)
            .query(java.util.UUID.class)
            .single();
    await().atMost(DEADLINE).until(() -> log.pending() == 0);
    String where = org.kimberlite.diligence.internal.ResponseRecords.TYPE + " " + responseId;
    assertThat(audit.run().findings()).filteredOn(a -> a.where().equals(where)).isEmpty();

    jdbc.sql("update diligence_response set plan = 'Carry on' where id = ?")
        .param(responseId)
        .update();
    assertThat(audit.run().findings())
        .anySatisfy(
            a -> {
              assertThat(a.kind()).isEqualTo("record-changed");
              assertThat(a.where()).isEqualTo(where);
            });
    jdbc.sql("update diligence_response set plan = 'Hold the lot' where id = ?")
        .param(responseId)
        .update();
    assertThat(audit.run().findings()).filteredOn(a -> a.where().equals(where)).isEmpty();
  }

  @Test
  void kp09SealFoundAtImportDiffers() {
    String broken = issue("BW");
    confirm(broken, "SEAL-OTHER");
    JsonNode f = awaitFinding(importer, "KP-09", broken);
    assertThat(f.get("severity").asString()).isEqualTo("HIGH");
    assertThat(f.get("summary").asString()).contains("SEAL-OTHER").contains("SEAL-1");

    String intact = issue("BW");
    confirm(intact, "SEAL-1");
    settled(intact);
    assertThat(findings(importer, "KP-09", intact)).isEmpty();
  }

  void certified(Actor who, LocalDate rjcFrom) {
    Answer a =
        who.api()
            .put(
                "/api/v1/organisations/" + who.id() + "/compliance",
                Map.of(
                    "version",
                    0,
                    "sow",
                    Map.of("id", "SOW-" + who.username(), "renewalDue", "2099-12-31"),
                    "rjc",
                    Map.of(
                        "number",
                        "RJC-" + who.username(),
                        "validFrom",
                        rjcFrom.toString(),
                        "termYears",
                        1)));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
  }

  @Test
  void dd03CounterpartyWithoutRjcOrSowAndItsTwin() {
    String number = issue("BW");
    JsonNode f = awaitFinding(importer, "DD-03", number);
    assertThat(f.get("summary").asString()).contains("RJC");
    assertThat(f.get("evidence").toString()).contains("/api/v1/organisations/");
  }

  @Test
  void dd03NotRaisedWhileCertifiedThenRaisedWhenTheRjcCertificationLapses() {
    exporter = actor(OrganisationRole.TRADER, "BW");
    importer = actor(OrganisationRole.TRADER, "BE");
    certified(exporter, today.minusMonths(6));
    certified(importer, today.minusMonths(6));
    String number = issue("BW");
    settled(number);
    assertThat(findings(importer, "DD-03", number)).isEmpty();
    assertThat(findings(exporter, "DD-03", number)).isEmpty();

    // seven months on, both certifications lapsed: the scheduled check raises it (time-driven)
    clock.advance(Duration.ofDays(7 * 31));
    Actor watcher = actor(OrganisationRole.KP_SECRETARIAT, "BW");
    assertThat(jobs.lapses()).isGreaterThanOrEqualTo(2);
    List<JsonNode> lapsed = findings(watcher, "DD-03", number);
    assertThat(lapsed).hasSize(2);
    assertThat(lapsed.get(0).get("summary").asString()).contains("lapsed");
    assertThat(jobs.lapses()).isZero(); // the same lapse never raises twice
  }

  @Test
  void sameFactsTwiceRaiseOneFinding() {
    String risky = issue("CD");
    awaitFinding(exporter, "DD-01", risky);
    for (int i = 0; i < 2; i++) {
      Answer a = secretariat.api().post("/api/v1/findings/evaluations", Map.of());
      assertThat(a.status()).as(a.body()).isEqualTo(200);
    }
    assertThat(findings(secretariat, "DD-01", risky)).hasSize(1);
    assertThat(exporter.api().post("/api/v1/findings/evaluations", Map.of()).status())
        .isEqualTo(403);
  }

  @Test
  void responsesAreRecordedLoggedAndEscalateWhenOverdue() {
    String risky = issue("CD");
    JsonNode f = awaitFinding(exporter, "DD-01", risky);
    String id = f.get("id").asString();
    String path = "/api/v1/findings/" + id + "/responses";

    Answer noPlan =
        exporter.api().post(path, Map.of("decision", "CONTINUE", "responder", "Ada Okafor"));
    assertThat(noPlan.status()).as(noPlan.body()).isEqualTo(422);
    assertThat(noPlan.body()).contains("plan").contains("reviewOn");

    Answer other =
        stranger.api().post(path, Map.of("decision", "SUSPEND", "responder", "Eve Stranger"));
    assertThat(other.status()).isEqualTo(404);

    Answer ok =
        continuing(
            path,
            "Enhanced due diligence on the supplier's mine sites; origin documents asked",
            today.plusDays(10));
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    assertThat(ok.json().get("status").asString()).isEqualTo("RESPONDED");
    JsonNode response = ok.json().get("responses").get(0);
    assertThat(response.get("responder").asString()).isEqualTo("Ada Okafor");
    assertThat(response.get("logHref").asString()).startsWith("/api/v1/log/entries/");
    assertThat(exporter.api().get(response.get("logHref").asString()).status()).isEqualTo(200);

    clock.advance(Duration.ofDays(11));
    jobs.escalate();
    JsonNode escalated = exporter.api().get("/api/v1/findings/" + id).json();
    assertThat(escalated.get("status").asString()).isEqualTo("ESCALATED");
    assertThat(escalated.get("escalation").asString()).isEqualTo("AUTHORITY");
    clock.advance(Duration.ofDays(31));
    jobs.escalate();
    assertThat(secretariat.api().get("/api/v1/findings/" + id).json().get("escalation").asString())
        .isEqualTo("SECRETARIAT");

    Answer disengage =
        botswana.api().post(path, Map.of("decision", "DISENGAGE", "responder", "K. Moyo"));
    assertThat(disengage.status()).as(disengage.body()).isEqualTo(201);
    assertThat(disengage.json().get("status").asString()).isEqualTo("CLOSED");
    assertThat(disengage.json().get("responses")).hasSize(2);
  }

  /**
   * The yearly report (OECD step 5) is as the year ended: a finding and its response of year Y are
   * in it with the status they had then, not a response or a finding of Y+1; the same JSON and the
   * same PDF bytes whenever asked; for the company, its authority and the secretariat only.
   */
  @Test
  void theYearlyReportIsTheYearAsItEndedAndTheSameWheneverAsked() throws Exception {
    int year = today.getYear();
    String name = organisations.directoryEntry(exporter.id()).orElseThrow().name();
    String first = issue("CD");
    String id = awaitFinding(exporter, "DD-01", first).get("id").asString();
    String path = "/api/v1/findings/" + id + "/responses";
    Answer ok = continuing(path, "Origin documents asked of the supplier", today.plusDays(60));
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);

    // Into the next year: the finding is closed, and another one raised.
    clock.advance(
        Duration.between(
            clock.instant(), java.time.Instant.parse((year + 1) + "-01-02T12:00:00Z")));
    today = LocalDate.now(clock);
    Answer closed =
        exporter.api().post(path, Map.of("decision", "DISENGAGE", "responder", "Ada Okafor"));
    assertThat(closed.status()).as(closed.body()).isEqualTo(201);
    String second = issue("CD");
    String laterId = awaitFinding(exporter, "DD-01", second).get("id").asString();

    String report = "/api/v1/organisations/" + exporter.id() + "/due-diligence-reports/" + year;
    Answer a = exporter.api().get(report);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    JsonNode r = a.json();
    assertThat(r.get("year").asInt()).isEqualTo(year);
    assertThat(r.get("toDate").asBoolean()).isFalse();
    assertThat(r.get("asOf").asString()).isEqualTo((year + 1) + "-01-01T00:00:00Z");
    assertThat(r.get("organisation").get("name").asString()).isEqualTo(name);
    // The DD-01 finding answered in the year; the certificate also raised DD-03 (neither party
    // has an RJC certification), unanswered and so escalated by the year's end.
    JsonNode f = null;
    for (JsonNode each : r.get("findings")) {
      assertThat(each.get("rule").asString()).isIn("DD-01", "DD-03");
      if (each.get("id").asString().equals(id)) {
        f = each;
      }
    }
    assertThat(f).as(a.body()).isNotNull();
    assertThat(f.get("statusAtYearEnd").asString()).isEqualTo("RESPONDED");
    assertThat(f.get("responses")).hasSize(1);
    assertThat(f.get("responses").get(0).get("decision").asString()).isEqualTo("CONTINUE");
    assertThat(f.get("responses").get(0).get("responder").asString()).isEqualTo("Ada Okafor");
    assertThat(a.body()).doesNotContain(laterId).doesNotContain("DISENGAGE");
    assertThat(r.get("counts").toString())
        .contains(
            "{\"rule\":\"DD-01\",\"severity\":\"MEDIUM\",\"status\":\"RESPONDED\",\"findings\":1}");
    assertThat(r.get("openAtYearEnd").toString()).doesNotContain(id).contains("DD-03");
    assertThat(r.get("policies").toString()).contains("DD-01").contains("SOW-03");
    assertThat(r.get("warranties").get("balanced").asBoolean()).isTrue();
    assertThat(r.get("rjc").get("standing").asString()).isEqualTo("NONE");
    assertThat(exporter.api().get(report).body()).isEqualTo(a.body());

    // The year under way is to date, with the later finding.
    JsonNode now =
        exporter
            .api()
            .get("/api/v1/organisations/" + exporter.id() + "/due-diligence-reports/" + (year + 1))
            .json();
    assertThat(now.get("toDate").asBoolean()).isTrue();
    assertThat(now.get("findings").toString()).contains(laterId).doesNotContain(id);

    // The PDF: the same bytes twice, its text naming the organisation, the year and the rules.
    var pdf = exporter.api().bytes(report + ".pdf", "Accept", "application/pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(exporter.api().bytes(report + ".pdf", "Accept", "application/pdf").body())
        .isEqualTo(pdf.body());
    var accepted = exporter.api().bytes(report, "Accept", "application/pdf");
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(new String(accepted.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
      assertThat(text)
          .contains(name)
          .contains(Integer.toString(year))
          .contains("DD-01")
          .contains("KP-09")
          .contains("Ada Okafor");
    }

    // Who may read it: the authority of its participant and the secretariat; no one else.
    assertThat(botswana.api().get(report).status()).isEqualTo(200);
    assertThat(secretariat.api().get(report).status()).isEqualTo(200);
    Answer hidden = stranger.api().get(report);
    assertThat(hidden.status()).isEqualTo(404);
    assertThat(hidden.body()).doesNotContain(name);
    assertThat(belgium.api().get(report).status()).isEqualTo(404);
    assertThat(stranger.api().bytes(report + ".pdf").statusCode()).isEqualTo(404);
    var hiddenPdf = stranger.api().bytes(report, "Accept", "application/pdf");
    assertThat(hiddenPdf.statusCode()).isEqualTo(404);
    assertThat(new String(hiddenPdf.body(), java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain(name);

    // A year out of bounds or not a year: a problem naming it.
    String base = "/api/v1/organisations/" + exporter.id() + "/due-diligence-reports/";
    for (String bad : List.of(Integer.toString(year + 2), "1999", "20x5")) {
      Answer refused = exporter.api().get(base + bad);
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().get("errors").toString()).contains("year");
    }
  }

  /** A re-export by the Belgian authority: the importer's goods sold on to {@code buyer}. */
  String reExport(Actor seller, Actor buyer, String origin, String usd) {
    Map<String, Object> body = shipment(origin, "SEAL-9");
    body.put("exporter", seller.id().toString());
    body.put("importer", buyer.id().toString());
    body.put("importingParticipant", "AE");
    body.put("lines", List.of(Map.of("hsCode", "7102.31", "carats", "1250.40", "valueUsd", usd)));
    Answer a = belgium.api().post("/api/v1/certificates", body);
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json().get("number").asString();
  }

  @Test
  void kp11AValueOutsideItsOriginsBandAndItsTwin() throws Exception {
    // The bands come from the published KP production figures (valuation's trailing years).
    published.importProductionCsv(
        java.nio.file.Files.readAllLines(
            java.nio.file.Path.of("src/main/resources/statistics/kp_production_by_country.csv")),
        null);
    // Botswana's own rough at 8 USD/ct: far below the band of its producer exports.
    Answer a = botswana.api().post("/api/v1/certificates", shipment("BW", "SEAL-1", "10003.20"));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    String low = a.json().get("number").asString();
    JsonNode f = awaitFinding(botswana, "KP-11", low);
    assertThat(f.get("summary").asString()).contains("8.00 USD/ct").contains("BW");
    assertThat(f.get("participants").toString()).contains("BW");

    String normal = issue("BW"); // 150.00 USD/ct
    settled(normal);
    assertThat(findings(botswana, "KP-11", normal)).isEmpty();
  }

  @Test
  void dd05ReExportPriceJumpsAgainstTheImports() {
    issue("BW"); // 1250.40 ct at 150.00 USD/ct into the EU
    String jump = reExport(importer, stranger, "BW", "625200.00"); // 500.00 USD/ct
    JsonNode f = awaitFinding(belgium, "DD-05", jump);
    assertThat(f.get("summary").asString()).contains("500.00").contains("USD/ct");
    assertThat(f.get("participants").toString()).contains("EU");

    String normal = reExport(importer, stranger, "BW", "200064.00"); // 160.00 USD/ct
    settled(normal);
    assertThat(findings(belgium, "DD-05", normal)).isEmpty();
  }

  @Test
  void dd04CounterpartySourcedFromARedFlagLocation() {
    String risky = issue("CD"); // the Belgian trader buys goods of DRC origin
    String onward = reExport(importer, stranger, "BW", "187560.00");
    JsonNode f = awaitFinding(stranger, "DD-04", onward);
    assertThat(f.get("evidence").toString()).contains(risky).contains("risk-entry");

    Actor clean = actor(OrganisationRole.TRADER, "BE");
    String twin = reExport(clean, stranger, "BW", "187560.00");
    settled(twin);
    assertThat(findings(stranger, "DD-04", twin)).isEmpty();
  }

  @Test
  void dd02OriginClaimedBeyondProduction() {
    // a year in which Botswana reported no production: any own-origin export is beyond it
    clock.advance(Duration.ofDays(2 * 366));
    world(); // tokens do not outlive the years skipped
    String own = issue("BW");
    JsonNode f = awaitFinding(botswana, "DD-02", own);
    assertThat(f.get("severity").asString()).isEqualTo("HIGH");
    assertThat(f.get("evidence").toString()).contains("\"kind\":\"statistics\"");
    assertThat(findings(stranger, "DD-02", own)).isEmpty();

    // the next year, reported production covers the exports
    clock.advance(Duration.ofDays(366));
    world();
    for (String half : List.of("H1", "H2")) {
      Answer a =
          secretariat
              .api()
              .put(
                  "/api/v1/statistics/production/BW/" + today.getYear() + "/" + half,
                  Map.of("carats", "500000.00", "valueUsd", "50000000.00"));
      assertThat(a.status()).as(a.body()).isBetween(200, 201);
    }
    String covered = issue("BW");
    settled(covered);
    assertThat(findings(botswana, "DD-02", covered)).isEmpty();
  }

  // ---- custody facts: a natural lot mined, sold on, screened laboratory-grown downstream ----

  static String epcis(String event) {
    return """
        {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                      {"kimberlite": "https://kimberlite.org/epcis/profile/"}],
         "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2025-03-01T10:00:00Z",
         "epcisBody": {"eventList": [%s]}}
        """
        .formatted(event);
  }

  static String lotEvent(String lot, String action, String bizStep, String members) {
    return """
        {"type": "ObjectEvent", "eventTime": "2025-03-0%sT09:00:00+02:00",
         "eventTimeZoneOffset": "+02:00", "epcList": [], "action": "%s",
         "quantityList": [{"epcClass": "%s", "quantity": 5, "uom": "CTM"}],
         "bizStep": "%s"%s}
        """
        .formatted(action.equals("ADD") ? "1" : "5", action, lot, bizStep, members);
  }

  void captured(Actor who, String event) {
    Answer a =
        who.api()
            .exchange(
                "POST", "/epcis/capture", epcis(event), "Content-Type", "application/ld+json");
    assertThat(a.status()).as(a.body()).isEqualTo(202);
    String job = a.raw().headers().firstValue("Location").orElseThrow();
    await()
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> !who.api().get(job).json().get("running").asBoolean());
    JsonNode done = who.api().get(job).json();
    assertThat(done.get("success").asBoolean()).as(done.toString()).isTrue();
  }

  List<JsonNode> ruleFindings(Actor who, String rule) {
    List<JsonNode> out = new ArrayList<>();
    who.api().get("/api/v1/findings?rule=" + rule).json().get("findings").forEach(out::add);
    return out;
  }

  @Test
  void lgd04LabGrownFoundDownstreamOfANaturalLot() {
    Actor miner = actor(OrganisationRole.MINER, "BW");
    Actor cutter = actor(OrganisationRole.TRADER, "BW");
    String screened = ", \"kimberlite:screening\": {\"kimberlite:result\": \"%s\"}";
    String natural = ", \"kimberlite:nature\": \"natural\", \"kimberlite:origin\": [\"BW\"]";
    String to =
        ", \"destinationList\": [{\"type\": \"owning_party\", \"destination\":"
            + " \"urn:kimberlite:org:"
            + cutter.id()
            + "\"}]";
    String lot =
        "urn:epc:class:lgtin:9521141.012345."
            + java.util.UUID.randomUUID().toString().substring(0, 8);
    String honest = lot + "9";
    for (String l : List.of(lot, honest)) {
      captured(
          miner,
          lotEvent(l, "ADD", "commissioning", ", \"kimberlite:goods\": \"rough\"" + natural));
      captured(miner, lotEvent(l, "OBSERVE", "shipping", to));
      captured(cutter, lotEvent(l, "OBSERVE", "receiving", ""));
    }
    captured(
        cutter, lotEvent(lot, "OBSERVE", "inspecting", screened.formatted("laboratory-grown")));
    await().atMost(DEADLINE).until(() -> !ruleFindings(miner, "LGD-04").isEmpty());
    JsonNode f = ruleFindings(miner, "LGD-04").get(0);
    assertThat(f.get("severity").asString()).isEqualTo("HIGH");
    assertThat(f.get("evidence").toString())
        .contains("\"kind\":\"event\"")
        .contains("/epcis/events/");
    assertThat(f.get("organisations").toString()).contains(miner.id().toString());
    await().atMost(DEADLINE).until(() -> ruleFindings(cutter, "LGD-04").size() == 2);

    // the twin: screened natural, as declared
    captured(cutter, lotEvent(honest, "OBSERVE", "inspecting", screened.formatted("natural")));
    settled(honest);
    assertThat(ruleFindings(miner, "LGD-04")).hasSize(1);
    assertThat(ruleFindings(stranger, "LGD-04")).isEmpty();
  }

  PageSession browser(Actor who) throws Exception {
    return PageSession.signIn("http://127.0.0.1:" + port, who.username(), who.password());
  }

  @Test
  void theInboxShowsAFindingItsEvidenceAndTakesAResponse() throws Exception {
    String risky = issue("CD");
    String id = awaitFinding(exporter, "DD-01", risky).get("id").asString();
    PageSession b = browser(exporter);
    var inbox = b.get("/console/findings?rule=DD-01", "en");
    assertThat(inbox.statusCode()).isEqualTo(200);
    assertThat(inbox.body()).contains("/console/findings/" + id).contains("<th scope=\"col\"");
    var page = b.get("/console/findings/" + id, "en");
    assertThat(page.body())
        .contains("/api/v1/certificates/" + risky)
        .contains("<label for=\"responder\"")
        .contains("name=\"decision\"");
    assertThat(b.get("/console/findings/" + id, "fr").body()).contains("Éléments de preuve");

    var incomplete =
        b.post("/console/findings/" + id + "/responses", "decision=CONTINUE&responder=Ada");
    assertThat(incomplete.statusCode()).isEqualTo(422);
    assertThat(incomplete.body()).contains("role=\"alert\"");
    var done =
        b.post(
            "/console/findings/" + id + "/responses",
            "decision=SUSPEND&responder=" + PageSession.enc("Ada Okafor") + "&plan=&reviewOn=");
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(b.get("/console/findings/" + id, "en").body()).contains("Ada Okafor");

    var counts = browser(secretariat).get("/console/findings", "en");
    assertThat(counts.body()).contains("id=\"counts\"").contains("DD-01");
    assertThat(browser(stranger).get("/console/findings/" + id, "en").statusCode()).isEqualTo(404);
  }

  @Test
  void listParametersAreBounded() {
    assertThat(exporter.api().get("/api/v1/findings?size=101").status()).isEqualTo(400);
    assertThat(exporter.api().get("/api/v1/findings?status=NOPE").status()).isEqualTo(400);
    assertThat(exporter.api().get("/api/v1/findings?rule=x").status()).isEqualTo(400);
    assertThat(exporter.api().get("/api/v1/findings/not-a-uuid").status()).isEqualTo(404);
  }
}

package org.kimberlite.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kimberlite.custody.internal.EpcisDocuments;
import org.kimberlite.custody.internal.EpcisSchema;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.support.Actors;
import org.kimberlite.support.Actors.Actor;
import org.kimberlite.support.Api;
import org.kimberlite.support.Api.Answer;
import org.kimberlite.support.SharedCorpus;
import org.kimberlite.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The EPCIS REST binding on each database: capture jobs (all or nothing, proceed), CUS-01 and
 * CUS-02 both ways, the query parameters and pages, isolation between organisations, and the log
 * commitment of every stored event.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "kimberlite.data-dir=target/it-data",
      "kimberlite.ledger.interval=50ms",
      "kimberlite.custody.max-events=200"
    })
@Import(TestClock.Config.class)
abstract class CustodyContract {
  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  Actor miner;
  Actor stranger;

  Api anonymous() {
    return new Api("http://127.0.0.1:" + port);
  }

  @BeforeEach
  void world() {
    Actors actors = new Actors(organisations, accounts, anonymous());
    miner = actors.create(OrganisationRole.MINER, "BW");
    stranger = actors.create(OrganisationRole.TRADER, "BE");
  }

  // ---- documents of our own ----

  static String event(String type, String time, String bizStep, String epc, String extra) {
    String what =
        switch (type) {
          case "AggregationEvent" ->
              "\"parentID\": \"urn:epc:id:sscc:0614141.1234567890\", \"childEPCs\": [\""
                  + epc
                  + "\"], \"action\": \"ADD\"";
          case "TransformationEvent" ->
              "\"inputEPCList\": [\"" + epc + "\"], \"outputEPCList\": [\"" + epc + "-cut\"]";
          default -> "\"epcList\": [\"" + epc + "\"], \"action\": \"OBSERVE\"";
        };
    return """
        {"type": "%s", "eventTime": "%s", "eventTimeZoneOffset": "+02:00", %s,
         "bizStep": "%s", "readPoint": {"id": "urn:epc:id:sgln:0614141.00777.0"}%s}
        """
        .formatted(type, time, what, bizStep, extra);
  }

  static String document(String... events) {
    return """
        {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                      {"kim": "https://kimberlite.example/ns/"}],
         "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-05-01T10:00:00Z",
         "epcisBody": {"eventList": [%s]}}
        """
        .formatted(String.join(",", events));
  }

  static String stone(int n) {
    return "https://id.gs1.org/01/09521141012345/21/STONE-" + n;
  }

  // ---- the binding ----

  Answer post(Actor who, String body, String... headers) {
    List<String> h = new ArrayList<>(List.of("Content-Type", "application/ld+json"));
    h.addAll(List.of(headers));
    return who.api().exchange("POST", "/epcis/capture", body, h.toArray(String[]::new));
  }

  /** Captures and waits (bounded) for the job to finish; answers the finished job. */
  JsonNode capture(Actor who, String body, String... headers) throws InterruptedException {
    return finished(who, submit(who, body, headers));
  }

  /** Posts a capture document and answers its job's location, without waiting for the job. */
  String submit(Actor who, String body, String... headers) {
    Answer a = post(who, body, headers);
    assertThat(a.status()).as(a.body()).isEqualTo(202);
    String location = a.raw().headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/epcis/capture/");
    return location;
  }

  /** Waits (bounded) for the job at {@code location} to finish; answers the finished job. */
  JsonNode finished(Actor who, String location) throws InterruptedException {
    for (int i = 0; i < 1000; i++) {
      Answer job = who.api().get(location);
      assertThat(job.status()).as(job.body()).isEqualTo(200);
      if (!job.json().get("running").asBoolean()) {
        return job.json();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("The capture job did not finish in 20 s");
  }

  JsonNode query(Actor who, String query) {
    Answer a = who.api().get("/epcis/events" + query);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(EpcisSchema.bundled().validate(a.json())).as(a.body()).isEmpty();
    return a.json();
  }

  static List<JsonNode> eventsOf(JsonNode queryDocument) {
    return EpcisDocuments.events(queryDocument);
  }

  /** An event as a client compares it: without what the server adds or may add. */
  static JsonNode normalised(JsonNode event) {
    ObjectNode copy = (ObjectNode) event.deepCopy();
    copy.remove(List.of("recordTime", "@context"));
    if (copy.has("eventID") && copy.get("eventID").asString().startsWith("ni:///")) {
      copy.remove("eventID");
    }
    return copy;
  }

  /** The 64 hex digits of a hash ID (how a path names it). */
  static String hex(String hashId) {
    return hashId.substring("ni:///sha-256;".length(), hashId.indexOf('?'));
  }

  // ---- capture ----

  @Test
  void captureThenQueryGivesTheSameEventsBack() throws Exception {
    String doc =
        document(
            event(
                    "ObjectEvent",
                    "2024-05-01T08:00:00.000+02:00",
                    "commissioning",
                    stone(1),
                    ", \"eventID\": \"urn:uuid:6f1c5c3a-0000-4000-8000-000000000001\","
                        + " \"kim:carats\": \"12.40\", \"ilmd\": {\"kim:origin\": \"BW\"}")
                .replace("\"OBSERVE\"", "\"ADD\""),
            event("AggregationEvent", "2024-05-01T09:00:00+02:00", "packing", stone(2), ""),
            event(
                "TransformationEvent", "2024-05-01T10:00:00+02:00", "transforming", stone(3), ""));
    // "transforming" is no CBV word: send it as a URI instead.
    doc = doc.replace("\"transforming\"", "\"https://kimberlite.example/steps/cutting\"");
    JsonNode job = capture(miner, doc);
    assertThat(job.get("success").asBoolean()).as(job.toString()).isTrue();
    assertThat(job.get("eventsStored").asInt()).isEqualTo(3);
    assertThat(job.get("captureErrorBehaviour").asString()).isEqualTo("rollback");

    List<JsonNode> back = eventsOf(query(miner, ""));
    List<JsonNode> sent = EpcisDocuments.events(EpcisDocuments.mapper().readTree(doc));
    assertThat(back).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(normalised(back.get(i))).isEqualTo(normalised(sent.get(i)));
      assertThat(back.get(i).get("recordTime")).isNotNull();
      assertThat(back.get(i).get("eventID")).isNotNull();
    }
    // The given eventID is kept; the others are their hash IDs.
    assertThat(back.get(0).get("eventID").asString())
        .isEqualTo("urn:uuid:6f1c5c3a-0000-4000-8000-000000000001");
    assertThat(back.get(1).get("eventID").asString()).startsWith("ni:///sha-256;");
    assertThat(back.get(0).get("@context").toString()).contains("kimberlite.example");

    Answer one = miner.api().get("/epcis/events/urn:uuid:6f1c5c3a-0000-4000-8000-000000000001");
    assertThat(one.status()).as(one.body()).isEqualTo(200);
    assertThat(eventsOf(one.json())).hasSize(1);
    String hash = back.get(1).get("eventID").asString();
    Answer byHash = miner.api().get("/epcis/events/" + hex(hash));
    assertThat(byHash.status()).as(byHash.body()).isEqualTo(200);
    assertThat(eventsOf(byHash.json()).get(0).get("eventID").asString()).isEqualTo(hash);
  }

  @Test
  void everyStoredEventIsCommittedToTheLogAndTheCapturerCanOpenIt() throws Exception {
    capture(
        miner, document(event("ObjectEvent", "2024-05-02T08:00:00Z", "shipping", stone(10), "")));
    Map<String, Object> row =
        jdbc.sql(
                "select e.hash_id, e.event_json, e.log_entry, l.audience, l.record_json, l.salt"
                    + " from custody_event e join ledger_entry l on l.id = e.log_entry"
                    + " where e.captured_by = :org")
            .param("org", miner.id())
            .query()
            .singleRow();
    assertThat(row.get("audience")).isEqualTo(miner.id().toString());
    JsonNode record = EpcisDocuments.mapper().readTree((String) row.get("record_json"));
    assertThat(record.get("eventHash").asString()).isEqualTo(row.get("hash_id"));
    assertThat(record.get("eventDigest").asString())
        .isEqualTo(
            "sha256:"
                + java.util.HexFormat.of()
                    .formatHex(
                        java.security.MessageDigest.getInstance("SHA-256")
                            .digest(
                                ((String) row.get("event_json"))
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    Answer entry = miner.api().get("/api/v1/log/entries/" + row.get("log_entry"));
    assertThat(entry.status()).as(entry.body()).isEqualTo(200);
    assertThat(entry.body()).contains("salt");
    Answer hidden = stranger.api().get("/api/v1/log/entries/" + row.get("log_entry"));
    assertThat(hidden.status()).isEqualTo(200);
    assertThat(hidden.json().path("salt").isNull() || hidden.json().path("salt").isMissingNode())
        .as(hidden.body())
        .isTrue();
    // The public entry names the type, the hash ID, the issuer and the time; nothing else.
    assertThat(TransparencyLog.digest((byte[]) row.get("salt"), (String) row.get("record_json")))
        .startsWith("sha256:");
  }

  @Test
  void theSameEventTwiceIsStoredOnce() throws Exception {
    String e1 = event("ObjectEvent", "2024-05-03T08:00:00Z", "shipping", stone(20), "");
    String e2 = event("ObjectEvent", "2024-05-03T09:00:00Z", "receiving", stone(20), "");
    JsonNode first = capture(miner, document(e1, e2, e1));
    assertThat(first.get("success").asBoolean()).as(first.toString()).isTrue();
    assertThat(first.get("eventsStored").asInt()).isEqualTo(2);
    assertThat(first.get("eventsKnown").asInt()).isEqualTo(1);
    // The same event written differently (another time zone, an EPC URI) is the same event.
    String again =
        e1.replace("2024-05-03T08:00:00Z", "2024-05-03T10:00:00+02:00")
            .replace(stone(20), "urn:epc:id:sgtin:9521141.001234.STONE-20");
    JsonNode second = capture(miner, document(again));
    assertThat(second.get("success").asBoolean()).isTrue();
    assertThat(second.get("eventsStored").asInt()).isZero();
    assertThat(second.get("eventsKnown").asInt()).isEqualTo(1);
    assertThat(eventsOf(query(miner, ""))).hasSize(2);
  }

  @Test
  void jobsPostedBackToBackAreEachJudgedOnTheirOwnTerms() throws Exception {
    // Jobs that wait for the worker are processed together; each keeps its own outcome, and a
    // later job sees what an earlier one stored.
    String a = event("ObjectEvent", "2024-05-05T08:00:00Z", "shipping", stone(50), "");
    String b = event("ObjectEvent", "2024-05-05T09:00:00Z", "shipping", stone(51), "");
    String bad = event("ObjectEvent", "2024-05-05T10:00:00Z", "in_the_van", stone(52), "");
    List<String> jobs = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      jobs.add(submit(miner, document(a)));
      jobs.add(submit(miner, document(b, bad)));
      jobs.add(submit(miner, document(b, bad), "GS1-Capture-Error-Behaviour", "proceed"));
    }
    List<JsonNode> done = new ArrayList<>();
    for (String job : jobs) {
      done.add(finished(miner, job));
    }
    // The first capture of a stores it; every later one finds it known.
    assertThat(done.get(0).get("success").asBoolean()).as(done.get(0).toString()).isTrue();
    assertThat(done.get(0).get("eventsStored").asInt()).isEqualTo(1);
    for (int round = 1; round < 3; round++) {
      JsonNode again = done.get(3 * round);
      assertThat(again.get("success").asBoolean()).as(again.toString()).isTrue();
      assertThat(again.get("eventsStored").asInt()).isZero();
      assertThat(again.get("eventsKnown").asInt()).isEqualTo(1);
    }
    for (int round = 0; round < 3; round++) {
      JsonNode rolledBack = done.get(3 * round + 1);
      assertThat(rolledBack.get("success").asBoolean()).isFalse();
      assertThat(rolledBack.get("eventsStored").asInt()).isZero();
      assertThat(rolledBack.get("errors").get(0).get("eventIndex").asInt()).isEqualTo(1);
      JsonNode proceeded = done.get(3 * round + 2);
      assertThat(proceeded.get("success").asBoolean()).isFalse();
      // b is stored by the first proceeding job only; later ones find it known.
      assertThat(proceeded.get("eventsStored").asInt()).isEqualTo(round == 0 ? 1 : 0);
      assertThat(proceeded.get("eventsKnown").asInt()).isEqualTo(round == 0 ? 0 : 1);
    }
    assertThat(eventsOf(query(miner, ""))).hasSize(2);
  }

  @Test
  void aDocumentIsAllOrNothingByDefault() throws Exception {
    String good = event("ObjectEvent", "2024-05-04T08:00:00Z", "shipping", stone(30), "");
    String bad = event("ObjectEvent", "2024-05-04T09:00:00Z", "in_the_van", stone(31), "");
    JsonNode job = capture(miner, document(good, bad));
    assertThat(job.get("running").asBoolean()).isFalse();
    assertThat(job.get("success").asBoolean()).isFalse();
    assertThat(job.get("eventsStored").asInt()).isZero();
    JsonNode error = job.get("errors").get(0);
    assertThat(error.get("type").asString()).isEqualTo("/problems/CUS-01");
    assertThat(error.get("eventIndex").asInt()).isEqualTo(1);
    assertThat(error.get("pointer").asString()).isEqualTo("/epcisBody/eventList/1/bizStep");
    assertThat(eventsOf(query(miner, ""))).isEmpty();
  }

  @Test
  void proceedStoresTheValidEventsAndReportsTheRest() throws Exception {
    String good = event("ObjectEvent", "2024-05-04T08:00:00Z", "shipping", stone(40), "");
    String bad = event("ObjectEvent", "2024-05-04T09:00:00Z", "in_the_van", stone(41), "");
    JsonNode job = capture(miner, document(good, bad), "GS1-Capture-Error-Behaviour", "proceed");
    assertThat(job.get("captureErrorBehaviour").asString()).isEqualTo("proceed");
    assertThat(job.get("success").asBoolean()).isFalse();
    assertThat(job.get("eventsStored").asInt()).isEqualTo(1);
    assertThat(job.get("errors").get(0).get("eventIndex").asInt()).isEqualTo(1);
    assertThat(eventsOf(query(miner, ""))).hasSize(1);
  }

  @Test
  void aDocumentThatIsNotOneIsRefusedAtOnce() {
    Answer notJson = post(miner, "{\"type\": \"EPCISDocument\", ");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.contentType()).startsWith("application/problem+json");
    assertThat(notJson.json().get("detail").asString()).contains("not well-formed JSON");
    Answer notDocument = post(miner, "{\"type\": \"EPCISQueryDocument\"}");
    assertThat(notDocument.status()).isEqualTo(400);
    assertThat(notDocument.json().get("type").asString()).isEqualTo("/problems/CUS-01");
    Answer behaviour =
        post(
            miner,
            document(event("ObjectEvent", "2024-05-04T08:00:00Z", "shipping", stone(50), "")),
            "GS1-Capture-Error-Behaviour",
            "all");
    assertThat(behaviour.status()).isEqualTo(400);
    Answer xml =
        miner
            .api()
            .exchange("POST", "/epcis/capture", "<epcis/>", "Content-Type", "application/xml");
    assertThat(xml.status()).isEqualTo(415);
  }

  @Test
  void theLimitsAreAdvertisedAndKept() {
    Answer options = miner.api().exchange("OPTIONS", "/epcis/capture", null);
    assertThat(options.status()).as(options.body()).isEqualTo(204);
    var h = options.raw().headers();
    assertThat(h.firstValue("GS1-EPCIS-Capture-Limit")).hasValue("200");
    assertThat(h.firstValue("GS1-EPCIS-Capture-File-Size-Limit")).hasValue("16777216");
    assertThat(h.firstValue("GS1-EPCIS-Version")).hasValue("2.0.0");
    assertThat(h.firstValue("GS1-Capture-Error-Behaviour").orElseThrow()).contains("proceed");
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 201; i++) {
      many.add(event("ObjectEvent", "2024-05-04T08:00:00Z", "shipping", stone(1000 + i), ""));
    }
    Answer tooMany = post(miner, document(many.toArray(String[]::new)));
    assertThat(tooMany.status()).isEqualTo(413);
    String huge = "x".repeat(70_000);
    Answer tooLarge =
        post(
            miner,
            document(
                event("ObjectEvent", "2024-05-04T08:00:00Z", "shipping", stone(60), ""),
                event(
                    "ObjectEvent",
                    "2024-05-04T08:00:00Z",
                    "shipping",
                    stone(61),
                    ", \"kim:note\": \"" + huge + "\"")));
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.body()).contains("Event 1");
  }

  @Test
  void onlyAnAuthenticatedOrganisationCapturesAndReadsItsOwnEvents() throws Exception {
    String doc = document(event("ObjectEvent", "2024-05-05T08:00:00Z", "shipping", stone(70), ""));
    Answer anonymousCapture =
        anonymous().exchange("POST", "/epcis/capture", doc, "Content-Type", "application/json");
    assertThat(anonymousCapture.status()).isEqualTo(401);
    assertThat(anonymous().get("/epcis/events").status()).isEqualTo(401);
    JsonNode job = capture(miner, doc);
    String id = job.get("captureID").asString();
    assertThat(stranger.api().get("/epcis/capture/" + id).status()).isEqualTo(404);
    assertThat(stranger.api().get("/epcis/capture").json()).isEmpty();
    assertThat(miner.api().get("/epcis/capture").json().get(0).get("captureID").asString())
        .isEqualTo(id);
    assertThat(eventsOf(query(stranger, ""))).isEmpty();
    String eventId = eventsOf(query(miner, "")).get(0).get("eventID").asString();
    String path = "/epcis/events/" + hex(eventId);
    assertThat(miner.api().get(path).status()).isEqualTo(200);
    assertThat(stranger.api().get(path).status()).isEqualTo(404);
    Integer owner =
        jdbc.sql("select count(*) from custody_event where captured_by = :org")
            .param("org", miner.id())
            .query(Integer.class)
            .single();
    assertThat(owner).isEqualTo(1);
  }

  @Test
  void queryParametersFilter() throws Exception {
    capture(
        miner,
        document(
            event("ObjectEvent", "2024-06-01T08:00:00Z", "shipping", stone(101), ""),
            event("ObjectEvent", "2024-06-02T08:00:00Z", "receiving", stone(102), "")
                .replace("\"OBSERVE\"", "\"OBSERVE\", \"disposition\": \"in_progress\""),
            event("AggregationEvent", "2024-06-03T08:00:00Z", "packing", stone(103), "")
                .replace(
                    "\"readPoint\"",
                    "\"bizLocation\": {\"id\": \"urn:epc:id:sgln:0614141.00888.0\"}, \"readPoint\""),
            event("TransformationEvent", "2024-06-04T08:00:00Z", "commissioning", stone(104), "")));
    assertThat(count("?eventType=AggregationEvent")).isEqualTo(1);
    assertThat(count("?eventType=ObjectEvent|TransformationEvent")).isEqualTo(3);
    assertThat(count("?GE_eventTime=2024-06-02T08:00:00Z&LT_eventTime=2024-06-04T08:00:00Z"))
        .isEqualTo(2);
    assertThat(count("?EQ_bizStep=shipping")).isEqualTo(1);
    assertThat(count("?EQ_bizStep=https://ref.gs1.org/cbv/BizStep-receiving")).isEqualTo(1);
    assertThat(count("?EQ_bizStep=urn:epcglobal:cbv:bizstep:packing")).isEqualTo(1);
    assertThat(count("?EQ_disposition=in_progress")).isEqualTo(1);
    assertThat(count("?EQ_bizLocation=urn:epc:id:sgln:0614141.00888.0")).isEqualTo(1);
    assertThat(count("?EQ_bizLocation=https://id.gs1.org/414/0614141008889")).isEqualTo(1);
    assertThat(count("?EQ_readPoint=urn:epc:id:sgln:0614141.00777.0")).isEqualTo(4);
    assertThat(count("?MATCH_epc=" + stone(101))).isEqualTo(1);
    assertThat(count("?MATCH_epc=urn:epc:id:sgtin:9521141.001234.STONE-103")).isEqualTo(1);
    assertThat(count("?MATCH_epc=" + stone(104))).isZero();
    assertThat(count("?MATCH_anyEPC=" + stone(104))).isEqualTo(1);
    assertThat(count("?MATCH_anyEPC=urn:epc:id:sscc:0614141.1234567890")).isEqualTo(1);
    assertThat(count("?MATCH_epc=urn:epc:idpat:sgtin:9521141.001234.*")).isEqualTo(3);
    String now = java.time.Instant.now().plusSeconds(3600).toString();
    assertThat(count("?LT_recordTime=" + now + "&GE_recordTime=2024-01-01T00:00:00Z")).isEqualTo(4);
    assertThat(count("?GE_recordTime=" + now)).isZero();
    for (String bad :
        List.of(
            "?EQ_action=ADD",
            "?perPage=0",
            "?perPage=1001",
            "?perPage=ten",
            "?GE_eventTime=yesterday",
            "?eventType=CustodyEvent",
            "?nextPageToken=forged")) {
      Answer a = miner.api().get("/epcis/events" + bad);
      assertThat(a.status()).as(bad + " " + a.body()).isEqualTo(400);
      assertThat(a.contentType()).startsWith("application/problem+json");
    }
  }

  int count(String query) {
    return eventsOf(query(miner, query.replace("|", "%7C"))).size();
  }

  @Test
  void pagesFollowTheLinkAndTokensAreBoundToTheQuery() throws Exception {
    List<String> events = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      events.add(
          event("ObjectEvent", "2024-07-01T08:00:0" + i + "Z", "shipping", stone(200 + i), ""));
    }
    capture(miner, document(events.toArray(String[]::new)));
    List<String> seen = new ArrayList<>();
    String next = "/epcis/events?perPage=3&EQ_bizStep=shipping";
    int pages = 0;
    String lastToken = null;
    while (next != null) {
      Answer a = miner.api().get(next);
      assertThat(a.status()).as(a.body()).isEqualTo(200);
      assertThat(EpcisSchema.bundled().validate(a.json())).isEmpty();
      eventsOf(a.json()).forEach(e -> seen.add(e.get("eventID").asString()));
      pages++;
      String link = a.raw().headers().firstValue("Link").orElse(null);
      if (link == null) {
        next = null;
      } else {
        assertThat(link).endsWith(">; rel=\"next\"");
        next = link.substring(1, link.indexOf('>'));
        lastToken = next.substring(next.indexOf("nextPageToken=") + "nextPageToken=".length());
      }
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    // A token is bound to its query and its organisation.
    assertThat(
            miner
                .api()
                .get("/epcis/events?perPage=3&EQ_bizStep=receiving&nextPageToken=" + lastToken)
                .status())
        .isEqualTo(400);
    assertThat(
            stranger
                .api()
                .get("/epcis/events?perPage=3&EQ_bizStep=shipping&nextPageToken=" + lastToken)
                .status())
        .isEqualTo(400);
  }

  // ---- the public corpora (read from the shared corpus when present) ----

  @Test
  void everyGs1ExampleDocumentIsCapturedAndComesBackValid() throws Exception {
    Path folder = SharedCorpus.require("epcis/gs1-EPCIS/JSON");
    int events = 0;
    for (Path p : SharedCorpus.files(folder, ".jsonld")) {
      if (p.getFileName().toString().equals("EPCISQueryDocument.jsonld")) {
        continue;
      }
      String body = EpcisCorpusTest.read(p);
      JsonNode job = capture(miner, body);
      assertThat(job.get("success").asBoolean()).as(p + " " + job).isTrue();
      events += EpcisDocuments.events(EpcisDocuments.mapper().readTree(body)).size();
    }
    Integer stored =
        jdbc.sql("select count(*) from custody_event where captured_by = :org")
            .param("org", miner.id())
            .query(Integer.class)
            .single();
    assertThat(stored).isPositive().isLessThanOrEqualTo(events);
    // Everything comes back as valid EPCISQueryDocuments, page by page.
    assertThat(eventsOf(query(miner, "?perPage=1000"))).hasSize(stored);
  }

  @Test
  void openEpcisCaptureDocumentsAreCapturedAndInvalidOnesRefused() throws Exception {
    Path valid = SharedCorpus.require(EpcisCorpusTestPaths.DOCUMENTS);
    Map<String, Boolean> outcome = new TreeMap<>();
    for (Path p : SharedCorpus.files(valid, ".json")) {
      outcome.put(
          p.getFileName().toString(),
          capture(miner, EpcisCorpusTest.read(p)).get("success").asBoolean());
    }
    outcome.forEach(
        (name, success) ->
            assertThat(success)
                .as(name)
                .isEqualTo(!EpcisCorpusTest.NOT_ACTUALLY_VALID.contains(name)));
    Path invalid = SharedCorpus.require(EpcisCorpusTestPaths.INVALID);
    for (Path p : SharedCorpus.files(invalid, ".json")) {
      Answer a = post(miner, EpcisCorpusTest.read(p));
      if (a.status() == 400) {
        continue; // refused at once: not an EPCISDocument
      }
      assertThat(a.status()).isEqualTo(202);
      JsonNode job = capture(miner, EpcisCorpusTest.read(p));
      assertThat(job.get("success").asBoolean()).as(p.toString()).isFalse();
      assertThat(job.get("eventsStored").asInt()).isZero();
      assertThat(job.get("errors")).isNotEmpty();
      assertThat(job.get("errors").get(0).get("detail").asString()).isNotBlank();
    }
  }
}

package org.kimberlite.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.support.Actors;
import org.kimberlite.support.Actors.Actor;
import org.kimberlite.support.Api;
import org.kimberlite.support.DecisionRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what: every endpoint the application maps (read from Spring's handler mapping, so a
 * new endpoint without an expectation fails here) × every role (anonymous and each organisation
 * role, each signed in as an administrator of an organisation of that role) × the organisation the
 * resource belongs to (the caller's own, or another's), against the table in {@code
 * access/matrix.txt}. An answer is {@code ok} (2xx, or a redirect that is not to the sign-in page),
 * {@code login} (a page that sends the browser to sign in), or a status: 401 or 403 only where the
 * caller may know that the thing exists, 404 where it may not.
 *
 * <p>Requests to the API carry the account's bearer token; pages and forms use a signed-in session
 * with its CSRF token (anonymous forms get a CSRF token too, so that the answer is about access,
 * not about CSRF). Writes send a valid body, made afresh for each cell, so that "ok" means the
 * action was done. When the table and the answers differ, the observed table is written to {@code
 * target/access-matrix-observed.txt}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
class AccessMatrixH2IT {
  static final String TABLE = "/access/matrix.txt";

  /** The columns: anonymous, then each organisation role. */
  static final List<String> COLUMNS =
      List.of(
          "anon",
          "authority",
          "secretariat",
          "miner",
          "trader",
          "manufacturer",
          "lab",
          "retailer",
          "auditor");

  static final Map<String, OrganisationRole> ROLE_OF_COLUMN =
      Map.of(
          "authority", OrganisationRole.KP_AUTHORITY,
          "secretariat", OrganisationRole.KP_SECRETARIAT,
          "miner", OrganisationRole.MINER,
          "trader", OrganisationRole.TRADER,
          "manufacturer", OrganisationRole.MANUFACTURER,
          "lab", OrganisationRole.GRADING_LAB,
          "retailer", OrganisationRole.RETAILER,
          "auditor", OrganisationRole.AUDITOR);

  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:access-matrix-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
  }

  static String enc(String raw) {
    return URLEncoder.encode(raw, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- the world

  final Map<String, Actor> actors = new HashMap<>();
  final Map<String, Session> sessions = new HashMap<>();
  Actor beAuthority;
  Actor beTrader;
  Actor zaAuthority;
  Actor zaTrader;
  Actor aeTrader;
  final AtomicInteger counter = new AtomicInteger();

  /**
   * Numbers the participant codes the table's cells admit (XA..XZ, YA..YZ), apart from {@link
   * #counter}: other cells' names must not use codes up.
   */
  final AtomicInteger participantCodes = new AtomicInteger();

  Api anonymous() {
    return new Api("http://127.0.0.1:" + port);
  }

  Actor actor(OrganisationRole role, String country) {
    return new Actors(organisations, accounts, anonymous()).create(role, country);
  }

  /** A browser: cookies, and the CSRF token its pages carry. */
  record Session(HttpClient client, String csrfHeader, String csrf) {}

  Session session(String column) throws IOException, InterruptedException {
    Session s = sessions.get(column);
    if (s != null) {
      return s;
    }
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String base = "http://127.0.0.1:" + port;
    String login =
        client
            .send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Accept", "text/html")
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher field = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
    assertThat(field.find()).isTrue();
    String csrf = field.group(1);
    Matcher header = Pattern.compile("name=\"csrf-header\"\\s+content=\"([^\"]+)\"").matcher(login);
    assertThat(header.find()).as("the CSRF header's name on the sign-in page").isTrue();
    String csrfHeader = header.group(1);
    if (!column.equals("anon")) {
      Actor a = actors.get(column);
      HttpResponse<String> signedIn =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "username="
                              + enc(a.username())
                              + "&password="
                              + enc(a.password())
                              + "&_csrf="
                              + enc(csrf)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(signedIn.statusCode()).isEqualTo(302);
      String home =
          client
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/"))
                      .header("Accept", "text/html")
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher meta = Pattern.compile("name=\"csrf-token\"\\s+content=\"([^\"]+)\"").matcher(home);
      assertThat(meta.find()).isTrue();
      csrf = meta.group(1);
    }
    s = new Session(client, csrfHeader, csrf);
    sessions.put(column, s);
    return s;
  }

  void world() {
    for (Map.Entry<String, OrganisationRole> e : ROLE_OF_COLUMN.entrySet()) {
      actors.put(e.getKey(), actor(e.getValue(), "BW"));
    }
    beAuthority = actor(OrganisationRole.KP_AUTHORITY, "BE");
    beTrader = actor(OrganisationRole.TRADER, "BE");
    zaAuthority = actor(OrganisationRole.KP_AUTHORITY, "ZA");
    zaTrader = actor(OrganisationRole.TRADER, "ZA");
    aeTrader = actor(OrganisationRole.TRADER, "AE");
  }

  // ---------------------------------------------------------------- resources

  static Map<String, Object> certificateBody(
      UUID exporter, UUID importer, String importing, String origin) {
    LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
    Map<String, Object> body = new HashMap<>();
    body.put("exporter", exporter.toString());
    body.put("importer", importer.toString());
    body.put("importingParticipant", importing);
    body.put("origin", Map.of("kind", "single", "countries", List.of(origin)));
    body.put(
        "lines",
        List.of(Map.of("hsCode", "7102.31", "carats", "1250.40", "valueUsd", "187560.00")));
    body.put("parcels", 3);
    body.put("sealId", "SEAL-000123");
    body.put("issuedOn", today.toString());
    body.put("expiresOn", today.plusDays(30).toString());
    return body;
  }

  /** Whether issuing waits for the log (for the proof endpoints, which answer 409 before). */
  boolean waitForLog;

  Api.Answer issued(Actor authority, Map<String, Object> body) {
    Api.Answer a =
        authority.api().post("/api/v1/certificates" + (waitForLog ? "?wait=5s" : ""), body);
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a;
  }

  /**
   * A certificate of the caller's own: issued by it (an authority) or with its organisation as the
   * exporter (a company); for anonymous and the secretariat, who are party to none, a stranger's.
   */
  Api.Answer ownCertificate(String column) {
    if (column.equals("authority")) {
      return issued(
          actors.get("authority"),
          certificateBody(actors.get("trader").id(), beTrader.id(), "EU", "BW"));
    }
    if (column.equals("anon") || column.equals("secretariat")) {
      return otherCertificate();
    }
    return issued(
        actors.get("authority"),
        certificateBody(actors.get(column).id(), beTrader.id(), "EU", "BW"));
  }

  /** A certificate between strangers: ZA to AE. */
  Api.Answer otherCertificate() {
    return issued(zaAuthority, certificateBody(zaTrader.id(), aeTrader.id(), "AE", "ZA"));
  }

  /**
   * Certificates made once per column and variant and used until a write succeeds on one (a
   * confirmed or cancelled certificate cannot be confirmed or cancelled again): then all are made
   * afresh.
   */
  final Map<String, Api.Answer> readable = new HashMap<>();

  /** Whether the current cell changes what it acts on. */
  boolean writing;

  Api.Answer certificate(String column, String variant) {
    return readable.computeIfAbsent(
        column + "/" + variant + "/" + waitForLog,
        k -> variant.equals("own") ? ownCertificate(column) : otherCertificate());
  }

  /**
   * A certificate for a confirmation: for the authority's own, one addressed to its participant
   * (the importing side is the one that confirms); otherwise as {@link #certificate}.
   */
  Api.Answer incoming(String column, String variant) {
    if (variant.equals("own") && column.equals("authority")) {
      return readable.computeIfAbsent(
          "incoming",
          k ->
              issued(
                  zaAuthority,
                  certificateBody(zaTrader.id(), actors.get("trader").id(), "BW", "ZA")));
    }
    return certificate(column, variant);
  }

  Actor owner(String column, String variant) {
    return variant.equals("own") && !column.equals("anon") ? actors.get(column) : aeTrader;
  }

  /** A fresh token of the owner's account. */
  String token(Actor owner) {
    return anonymous()
        .post(
            "/api/v1/auth/token",
            Map.of("username", owner.username(), "password", owner.password(), "label", "m"))
        .json()
        .get("id")
        .asString();
  }

  /** The active key of an authority (the caller's own when it is one, else ZA's). */
  final Map<String, String> kids = new HashMap<>();

  String kid(String column, String variant) {
    return kids.computeIfAbsent(column + "/" + variant, k -> newKid(column, variant));
  }

  String newKid(String column, String variant) {
    Actor authority =
        variant.equals("own") && column.equals("authority") ? actors.get(column) : zaAuthority;
    // Issuing makes the key if there is none yet.
    issued(
        authority,
        authority.equals(zaAuthority)
            ? certificateBody(zaTrader.id(), aeTrader.id(), "AE", "ZA")
            : certificateBody(actors.get("trader").id(), beTrader.id(), "EU", "BW"));
    for (var k : authority.api().get("/api/v1/signing-keys").json()) {
      if (k.get("status").asString().equals("ACTIVE")) {
        return k.get("kid").asString();
      }
    }
    throw new IllegalStateException("no active key");
  }

  /**
   * Numbers the EPCs of captured events (apart from {@link #counter}, which names participants).
   */
  final AtomicInteger epcs = new AtomicInteger();

  /** A one-event EPCIS document with an event of its own (a fresh EPC and event ID). */
  String epcisDocument() {
    int n = epcs.incrementAndGet();
    return """
        {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
         "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-01-01T10:00:00Z",
         "epcisBody": {"eventList": [{"type": "ObjectEvent", "eventID": "urn:uuid:%s",
           "eventTime": "2026-01-01T10:00:00Z", "eventTimeZoneOffset": "+00:00",
           "epcList": ["https://id.gs1.org/01/09521141012345/21/MATRIX-%d"],
           "action": "OBSERVE", "bizStep": "inspecting"}]}}
        """
        .formatted(UUID.randomUUID(), n);
  }

  /** A capture job and the event it stored, both belonging to the organisation that captured. */
  record Captured(String job, String eventId) {}

  final Map<String, Captured> captures = new HashMap<>();

  /** An event captured by the owner (once per owner), the job finished. */
  Captured captured(Actor owner) {
    return captures.computeIfAbsent(owner.username(), k -> capture(owner));
  }

  Captured capture(Actor owner) {
    String document = epcisDocument();
    String eventId = Api.JSON.readTree(document).at("/epcisBody/eventList/0/eventID").asString();
    return new Captured(captureDocument(owner, document), eventId);
  }

  /** Captures a document as the owner and waits for its job: the job's id. */
  String captureDocument(Actor owner, String document) {
    Api.Answer a =
        owner
            .api()
            .exchange("POST", "/epcis/capture", document, "Content-Type", "application/ld+json");
    assertThat(a.status()).as(a.body()).isEqualTo(202);
    String location = a.raw().headers().firstValue("Location").orElseThrow();
    for (int i = 0; i < 1500; i++) {
      Api.Answer job = owner.api().get(location);
      if (!job.json().get("running").asBoolean()) {
        assertThat(job.json().get("success").asBoolean()).as(job.body()).isTrue();
        return location.substring(location.lastIndexOf('/') + 1);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("the capture job did not finish in 30 s");
  }

  /** A newly admitted participant, for the secretariat's registry writes. */
  String freshParticipant() {
    int n = participantCodes.incrementAndGet();
    String code = "X" + (char) ('A' + n % 26);
    if (n >= 26) {
      code = "Y" + (char) ('A' + n % 26);
    }
    Api.Answer a =
        actors
            .get("secretariat")
            .api()
            .post(
                "/api/v1/participants",
                Map.of(
                    "code",
                    code,
                    "name",
                    "Matrix " + code,
                    "admittedOn",
                    "2020-01-01",
                    "reason",
                    "matrix"));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return code;
  }

  /**
   * Numbers the organisations made for seats (apart from {@link #counter}, which names
   * participants).
   */
  final AtomicInteger members = new AtomicInteger();

  /** A new organisation registered by the secretariat, for a seat on a working body. */
  String freshOrganisation() {
    Api.Answer a =
        actors
            .get("secretariat")
            .api()
            .post(
                "/api/v1/organisations",
                Map.of(
                    "name",
                    "Matrix member " + members.incrementAndGet(),
                    "country",
                    "ZA",
                    "roles",
                    List.of("KP_AUTHORITY")));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json().get("id").asString();
  }

  /** A new seat on the Working Group on Monitoring, appointed by the secretariat. */
  String freshMembership() {
    return seatOnTheWgm(freshOrganisation());
  }

  /** The secretariat seats an organisation on the Working Group on Monitoring: the seat's id. */
  String seatOnTheWgm(String organisationId) {
    Api.Answer a =
        actors
            .get("secretariat")
            .api()
            .post(
                "/api/v1/governance/memberships",
                Map.of(
                    "body",
                    "WORKING_GROUP_ON_MONITORING",
                    "organisationId",
                    organisationId,
                    "seat",
                    "MEMBER"));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json().get("id").asString();
  }

  /** The recommendation behind CAR's reinstatement of 2024, seeded. */
  static final String SEEDED_RECOMMENDATION = "4cd381f5-df61-3ac6-9001-5dd4454658ea";

  /** A recommendation to lift CAR's restrictions, made today on the last 30 days. */
  static Map<String, String> recommendation(String today) {
    return Map.of(
        "recommendedOn",
        today,
        "evidenceFrom",
        LocalDate.parse(today).minusDays(30).toString(),
        "evidenceTo",
        today,
        "text",
        "Recorded by the access matrix.");
  }

  /** The id of a seeded KP decision (public). */
  String seededDecision() {
    return anonymous()
        .get("/api/v1/governance/decisions?participant=CF")
        .json()
        .get(0)
        .get("id")
        .asString();
  }

  // ------------------------------------------------------- annual reports (governance)

  static final String REPORTS = "/api/v1/governance/annual-reports";

  /** Reporting years for the BW authority's own writes, each used once (2003 is the readable). */
  final AtomicInteger reportYears = new AtomicInteger(2004);

  /** By participant: the id of the file attached to its submitted 2003 report. */
  final Map<String, String> reportFiles = new HashMap<>();

  /** By participant: an open question on its 2003 report (ZA's, for those who may not answer). */
  final Map<String, String> reportQuestions = new HashMap<>();

  /**
   * BW's and ZA's reports for 2003, submitted with a file; ZA's authority sits on the Working Group
   * on Monitoring and asks the questions.
   */
  void reportsWorld() {
    if (!reportFiles.isEmpty()) {
      return;
    }
    seatOnTheWgm(zaAuthority.id().toString());
    reportFiles.put("BW", submittedReport(actors.get("authority"), "BW", 2003));
    reportFiles.put("ZA", submittedReport(zaAuthority, "ZA", 2003));
  }

  /** A report drafted with a file and submitted: the file's id. */
  String submittedReport(Actor authority, String participant, int year) {
    String file = draftWithFile(authority, participant, year);
    Api.Answer submitted =
        authority.api().post(REPORTS + "/" + participant + "/" + year + "/submissions", Map.of());
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    return file;
  }

  /** A complete draft with a file: the file's id. */
  String draftWithFile(Actor authority, String participant, int year) {
    String report = REPORTS + "/" + participant + "/" + year;
    Map<String, Object> sections = new HashMap<>();
    for (String s :
        List.of(
            "LEGISLATION",
            "INSTITUTIONS",
            "INTERNAL_CONTROLS",
            "ARTISANAL_PRODUCTION",
            "STATISTICS")) {
      sections.put(s, "Matrix " + s);
    }
    Api.Answer draft = authority.api().put(report + "/draft", Map.of("sections", sections));
    assertThat(draft.status()).as(draft.body()).isEqualTo(200);
    Api.Answer file =
        authority
            .api()
            .exchange(
                "POST",
                report + "/draft/attachments?name=notes.txt",
                "Matrix notes",
                "Content-Type",
                "text/plain");
    assertThat(file.status()).as(file.body()).isEqualTo(201);
    return file.json().get("draft").get("attachments").get(0).get("id").asString();
  }

  /** An open question of ZA's authority (a WGM member) on a participant's 2003 report. */
  String reportQuestion(String participant) {
    Api.Answer a =
        zaAuthority
            .api()
            .post(
                REPORTS + "/" + participant + "/2003/versions/1/assessments",
                Map.of("assessment", "Matrix", "questions", List.of("Matrix?")));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    JsonNode assessments = a.json().get("assessments");
    return assessments.get(assessments.size() - 1).get("questions").get(0).get("id").asString();
  }

  /** Whether the cell is the BW authority acting on its own report. */
  static boolean ownReport(String column, String variant) {
    return column.equals("authority") && variant.equals("own");
  }

  /**
   * The report a cell names: the caller's participant's (BW) for "own", except for anonymous and
   * the secretariat, who are asked about a stranger's (ZA), as for "other".
   */
  static String reportOf(String column, String variant) {
    return variant.equals("own") && !column.equals("anon") && !column.equals("secretariat")
        ? "BW"
        : "ZA";
  }

  /** The path of the cell's report: a fresh year for the authority's own writes, else 2003. */
  String reportPath(String pattern, String column, String variant, boolean fresh) {
    String participant = reportOf(column, variant);
    int year = fresh && ownReport(column, variant) ? reportYears.getAndIncrement() : 2003;
    return pattern.replace("{participant}", participant).replace("{year}", Integer.toString(year));
  }

  Call reportCall(String endpoint, String column, String variant) {
    reportsWorld();
    int space = endpoint.indexOf(' ');
    String method = endpoint.substring(0, space);
    String pattern = endpoint.substring(space + 1);
    boolean console = pattern.startsWith("/console/");
    String participant = reportOf(column, variant);
    boolean own = ownReport(column, variant);
    if (pattern.endsWith("/draft")) {
      String path = reportPath(pattern, column, variant, true);
      return console
          ? Call.form(path, Map.of("action", "save", "LEGISLATION", "Matrix"))
          : Call.json(method, path, Map.of("sections", Map.of("LEGISLATION", "Matrix")));
    }
    if (pattern.endsWith("/draft/attachments")) {
      return new Call(
          method,
          reportPath(pattern, column, variant, true) + "?name=notes.txt",
          "Matrix notes",
          "text/plain");
    }
    if (pattern.endsWith("/draft/attachments/{id}")) {
      String path = reportPath(pattern, column, variant, true);
      String id = UUID.randomUUID().toString();
      if (own) {
        String year = path.split("/")[6];
        id = draftWithFile(actors.get("authority"), "BW", Integer.parseInt(year));
      }
      return Call.of(method, path.replace("{id}", id));
    }
    if (pattern.endsWith("/submissions") || pattern.endsWith("/corrections")) {
      String path = reportPath(pattern, column, variant, true);
      if (own) {
        int year = Integer.parseInt(path.split("/")[pattern.startsWith("/console/") ? 4 : 6]);
        if (pattern.endsWith("/submissions")) {
          draftWithFile(actors.get("authority"), "BW", year);
        } else {
          submittedReport(actors.get("authority"), "BW", year);
        }
      }
      return Call.of(method, path);
    }
    if (pattern.endsWith("/assessments")) {
      String path = reportPath(pattern, column, variant, false).replace("{version}", "1");
      return console
          ? Call.form(path, Map.of("assessment", "Matrix", "questions", "Matrix?"))
          : Call.json(method, path, Map.of("assessment", "Matrix"));
    }
    if (pattern.endsWith("/answers")) {
      String question =
          own
              ? reportQuestion("BW")
              : reportQuestions.computeIfAbsent(participant, this::reportQuestion);
      String path = reportPath(pattern, column, variant, false).replace("{id}", question);
      return console
          ? Call.form(path, Map.of("answer", "Matrix"))
          : Call.json(method, path, Map.of("answer", "Matrix"));
    }
    // reads: the report, a version, a file
    return Call.of(
        method,
        reportPath(pattern, column, variant, false)
            .replace("{version}", "1")
            .replace("{id}", reportFiles.get(participant)));
  }

  static final Map<String, Object> VISIT_FINDING =
      Map.of("requirement", "IC-SYSTEM", "observation", "matrix", "recommendation", "matrix");

  /** A plan of a visit to Botswana (the columns' participant), led by South Africa. */
  Map<String, Object> visitPlan(String today) {
    LocalDate day = LocalDate.parse(today);
    return Map.of(
        "participant", "BW",
        "startsOn", day.plusDays(7).toString(),
        "endsOn", day.plusDays(9).toString(),
        "termsOfReference", "matrix",
        "team", List.of(zaAuthority.id().toString()),
        "lead", zaAuthority.id().toString());
  }

  Map<String, Object> visitResponse(String today) {
    return Map.of(
        "response",
        "matrix",
        "actions",
        List.of(
            Map.of(
                "finding",
                1,
                "description",
                "matrix",
                "dueOn",
                LocalDate.parse(today).plusDays(30).toString())));
  }

  @Nullable Actor aeAuthority;

  /**
   * A fresh peer review visit: for "own" to Botswana (the authority column's participant), led by
   * South Africa; otherwise to the UAE, led by Belgium's authority. {@code steps} taken: 0 planned,
   * 1 findings recorded, 2 responded, 3 plan accepted.
   */
  String reviewVisit(String variant, int steps) {
    boolean own = variant.equals("own");
    if (aeAuthority == null) {
      aeAuthority = actor(OrganisationRole.KP_AUTHORITY, "AE");
    }
    Actor lead = own ? zaAuthority : beAuthority;
    Actor visited = own ? actors.get("authority") : aeAuthority;
    String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();
    Map<String, Object> plan = new HashMap<>(visitPlan(today));
    plan.put("participant", own ? "BW" : "AE");
    plan.put("team", List.of(lead.id().toString()));
    plan.put("lead", lead.id().toString());
    Api secretariat = actors.get("secretariat").api();
    String base = "/api/v1/governance/review-visits";
    Api.Answer planned = secretariat.post(base, plan);
    assertThat(planned.status()).as(planned.body()).isEqualTo(201);
    String id = planned.json().get("id").asString();
    List<Api.Answer> taken = new ArrayList<>();
    if (steps >= 1) {
      taken.add(
          lead.api()
              .post(base + "/" + id + "/findings", Map.of("findings", List.of(VISIT_FINDING))));
    }
    if (steps >= 2) {
      taken.add(visited.api().post(base + "/" + id + "/response", visitResponse(today)));
    }
    if (steps >= 3) {
      taken.add(secretariat.post(base + "/" + id + "/plan-acceptance", Map.of()));
    }
    for (Api.Answer a : taken) {
      assertThat(a.status()).as(a.body()).isEqualTo(200);
    }
    return id;
  }

  String unusedCode() {
    int n = participantCodes.incrementAndGet();
    return (n < 26 ? "X" : "Y") + (char) ('A' + n % 26);
  }

  // ---------------------------------------------------------------- requests

  /** One request of a cell: method, path, body (null for none) and its content type. */
  record Call(String method, String path, @Nullable String body, @Nullable String contentType) {
    static Call of(String method, String path) {
      return new Call(method, path, null, null);
    }

    static Call json(String method, String path, Object body) {
      return new Call(method, path, Api.JSON.writeValueAsString(body), "application/json");
    }

    static Call form(String path, Map<String, String> fields) {
      StringBuilder b = new StringBuilder();
      fields.forEach(
          (k, v) -> b.append(b.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
      return new Call("POST", path, b.toString(), "application/x-www-form-urlencoded");
    }
  }

  /** The request for an endpoint, a caller and a variant; made afresh for each cell. */
  Call call(String endpoint, String column, String variant) {
    String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();
    int space = endpoint.indexOf(' ');
    String method = endpoint.substring(0, space);
    String pattern = endpoint.substring(space + 1);
    return switch (endpoint) {
      case "GET /api/v1/reconciliation", "GET /console/reconciliation" ->
          Call.of(
              method,
              pattern
                  + "?organisation="
                  + owner(column, variant).id()
                  + "&from=2025-01-01&to=2025-12-31");
      case "GET /api/v1/organisations/{id}/due-diligence-reports/{year}",
          "GET /api/v1/organisations/{id}/due-diligence-reports/{year}.pdf" ->
          Call.of(
              method,
              pattern
                  .replace("{id}", owner(column, variant).id().toString())
                  .replace("{year}", Integer.toString(LocalDate.parse(today).getYear() - 1)));
      case "GET /console/due-diligence/{year}", "GET /console/due-diligence/{year}.pdf" ->
          Call.of(
              method,
              pattern.replace("{year}", Integer.toString(LocalDate.parse(today).getYear() - 1))
                  + "?organisation="
                  + owner(column, variant).id());
      case "GET /api/v1/organisations/{id}", "GET /api/v1/organisations/{id}/accounts" ->
          Call.of(method, pattern.replace("{id}", owner(column, variant).id().toString()));
      case "PUT /api/v1/organisations/{id}/compliance" ->
          Call.json(
              method,
              pattern.replace("{id}", owner(column, variant).id().toString()),
              Map.of(
                  "version",
                  owner(column, variant)
                      .api()
                      .get("/api/v1/organisations/" + owner(column, variant).id())
                      .json()
                      .get("version")
                      .asLong(),
                  "sow",
                  Map.of("id", "SOW-" + counter.incrementAndGet(), "renewalDue", "2030-01-01")));
      case "POST /api/v1/organisations/{id}/accounts" ->
          Call.json(
              method,
              pattern.replace("{id}", owner(column, variant).id().toString()),
              Map.of(
                  "username",
                  "m-" + UUID.randomUUID().toString().substring(0, 8),
                  "displayName",
                  "Matrix",
                  "password",
                  "a long enough password",
                  "admin",
                  false));
      case "DELETE /api/v1/auth/tokens/{id}" ->
          Call.of(method, pattern.replace("{id}", token(owner(column, variant))));
      case "GET /api/v1/certificates/{number}",
          "GET /api/v1/certificates/{number}.pdf",
          "GET /console/certificates/{number}.pdf",
          "GET /api/v1/certificates/{number}/history",
          "GET /api/v1/certificates/{number}/findings",
          "GET /api/v1/certificates/{number}/proof",
          "GET /console/certificates/{number}",
          "DELETE /api/v1/certificates/{number}" ->
          Call.of(
              method,
              pattern.replace(
                  "{number}", certificate(column, variant).json().get("number").asString()));
      case "POST /api/v1/certificates/{number}/confirmation" -> {
        var cert = incoming(column, variant).json();
        yield Call.json(
            method,
            pattern.replace("{number}", cert.get("number").asString()),
            Map.of(
                "parcels", 3,
                "carats", cert.get("carats").asString(),
                "importer", cert.get("importer").get("id").asString(),
                "exporter", cert.get("exporter").get("id").asString(),
                "sealId", cert.get("sealId").asString(),
                "receivedOn", today));
      }
      case "POST /api/v1/certificates/{number}/cancellation" ->
          Call.json(
              method,
              pattern.replace(
                  "{number}", certificate(column, variant).json().get("number").asString()),
              Map.of("reason", "matrix"));
      case "POST /console/certificates/{number}/confirmation" -> {
        var cert = incoming(column, variant).json();
        yield Call.form(
            pattern.replace("{number}", cert.get("number").asString()),
            Map.of(
                "parcels",
                "3",
                "carats",
                cert.get("carats").asString(),
                "sealId",
                cert.get("sealId").asString(),
                "receivedOn",
                today));
      }
      case "POST /console/certificates/{number}/cancellation" ->
          Call.form(
              pattern.replace(
                  "{number}", certificate(column, variant).json().get("number").asString()),
              Map.of("reason", "matrix"));
      case "POST /api/v1/certificates", "POST /api/v1/certificates/validation" ->
          Call.json(
              method,
              pattern,
              certificateBody(actors.get("trader").id(), beTrader.id(), "EU", "BW"));
      case "POST /console/certificates", "POST /console/certificates/validation" -> {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("exporter", actors.get("trader").id().toString());
        form.put("importer", beTrader.id().toString());
        form.put("importingParticipant", "EU");
        form.put("originKind", "single");
        form.put("originCountries", "BW");
        form.put("hsCode", "7102.31");
        form.put("carats", "1250.40");
        form.put("valueUsd", "187560.00");
        form.put("parcels", "3");
        form.put("sealId", "SEAL-1");
        form.put("issuedOn", today);
        form.put("expiresOn", LocalDate.parse(today).plusDays(30).toString());
        yield Call.form(pattern, form);
      }
      case "GET /api/v1/provenance" ->
          Call.of(method, pattern + "?epc=" + enc(lot(owner(column, variant), "rough")));
      case "GET /console/provenance" ->
          Call.of(method, pattern + "?epc=" + enc(lot(owner(column, variant), "rough")));
      case "POST /api/v1/provenance/public" ->
          Call.json(method, pattern, Map.of("epc", lot(owner(column, variant), "polished")));
      case "DELETE /api/v1/provenance/public/{publicId}" -> {
        Actor owner = owner(column, variant);
        yield Call.of(
            method, pattern.replace("{publicId}", publish(owner, commission(owner, "polished"))));
      }
      case "GET /api/v1/provenance/public/{publicId}",
          "GET /trace/{publicId}",
          "GET /trace/{publicId}/qr.svg" ->
          Call.of(method, pattern.replace("{publicId}", publication(aeTrader)));
      case "POST /epcis/capture" ->
          new Call(method, pattern, epcisDocument(), "application/ld+json");
      case "POST /console/custody/events" ->
          Call.form(pattern, Map.of("document", epcisDocument()));
      case "GET /epcis/capture/{captureId}", "GET /console/custody/jobs/{captureId}" ->
          Call.of(method, pattern.replace("{captureId}", captured(owner(column, variant)).job()));
      case "GET /epcis/events/{eventId}" ->
          Call.of(method, pattern.replace("{eventId}", captured(owner(column, variant)).eventId()));
      case "GET /api/v1/signing-keys/{kid}" ->
          Call.of(method, pattern.replace("{kid}", kid(column, variant)));
      case "POST /api/v1/signing-keys/{kid}/revocation" ->
          Call.json(
              method, pattern.replace("{kid}", kid(column, variant)), Map.of("reason", "matrix"));
      case "POST /api/v1/signing-keys/rotation" -> Call.json(method, pattern, Map.of());
      case "GET /api/v1/statistics/production/{participant}" ->
          Call.of(method, pattern.replace("{participant}", variant.equals("own") ? "BW" : "ZA"));
      case "PUT /api/v1/statistics/production/{participant}/{year}/{half}" ->
          Call.json(
              method,
              "/api/v1/statistics/production/"
                  + (variant.equals("own") ? "BW" : "ZA")
                  + "/"
                  + (2003 + counter.incrementAndGet() % 20)
                  + "/H1",
              Map.of("carats", "1000.00", "valueUsd", "50000.00", "reason", "matrix"));
      case "GET /api/v1/governance/monitoring/{participant}",
          "GET /api/v1/governance/monitoring/{participant}/recommendations",
          "GET /console/governance/monitoring/{participant}" ->
          Call.of(method, pattern.replace("{participant}", "CF"));
      case "POST /api/v1/governance/monitoring/{participant}/recommendations" ->
          Call.json(method, pattern.replace("{participant}", "CF"), recommendation(today));
      case "POST /console/governance/monitoring/{participant}/recommendations" ->
          Call.form(pattern.replace("{participant}", "CF"), recommendation(today));
      case "GET /api/v1/governance/recommendations/{id}",
          "GET /console/governance/recommendations/{id}" ->
          Call.of(method, pattern.replace("{id}", SEEDED_RECOMMENDATION));
      case "POST /api/v1/governance/review-visits" -> Call.json(method, pattern, visitPlan(today));
      case "POST /console/review-visits" -> {
        Map<String, Object> plan = visitPlan(today);
        yield Call.form(
            pattern,
            Map.of(
                "participant", "BW",
                "startsOn", plan.get("startsOn").toString(),
                "endsOn", plan.get("endsOn").toString(),
                "termsOfReference", "matrix",
                "lead", zaAuthority.id().toString()));
      }
      case "GET /api/v1/governance/review-visits/{id}", "GET /console/review-visits/{id}" ->
          Call.of(method, pattern.replace("{id}", reviewVisit(variant, 0)));
      case "POST /api/v1/governance/review-visits/{id}/findings" ->
          Call.json(
              method,
              pattern.replace("{id}", reviewVisit(variant, 0)),
              Map.of("findings", List.of(VISIT_FINDING)));
      case "POST /console/review-visits/{id}/findings" ->
          Call.form(
              pattern.replace("{id}", reviewVisit(variant, 0)),
              Map.of(
                  "finding-1-requirement", "IC-SYSTEM",
                  "finding-1-observation", "matrix",
                  "finding-1-recommendation", "matrix"));
      case "POST /api/v1/governance/review-visits/{id}/response" ->
          Call.json(method, pattern.replace("{id}", reviewVisit(variant, 1)), visitResponse(today));
      case "POST /console/review-visits/{id}/response" ->
          Call.form(
              pattern.replace("{id}", reviewVisit(variant, 1)),
              Map.of(
                  "response", "matrix",
                  "action-1-finding", "1",
                  "action-1-description", "matrix",
                  "action-1-dueOn", LocalDate.parse(today).plusDays(30).toString()));
      case "POST /api/v1/governance/review-visits/{id}/plan-acceptance" ->
          Call.json(method, pattern.replace("{id}", reviewVisit(variant, 2)), Map.of());
      case "POST /console/review-visits/{id}/plan-acceptance" ->
          Call.form(pattern.replace("{id}", reviewVisit(variant, 2)), Map.of());
      case "POST /api/v1/governance/review-visits/{id}/actions/{number}/progress",
          "POST /api/v1/governance/review-visits/{id}/actions/{number}/closure" ->
          Call.json(
              method,
              pattern.replace("{id}", reviewVisit(variant, 3)).replace("{number}", "1"),
              Map.of("note", "matrix"));
      case "POST /console/review-visits/{id}/actions/{number}/progress",
          "POST /console/review-visits/{id}/actions/{number}/closure" ->
          Call.form(
              pattern.replace("{id}", reviewVisit(variant, 3)).replace("{number}", "1"),
              Map.of("note", "matrix"));
      case "POST /api/v1/governance/memberships" ->
          Call.json(
              method,
              pattern,
              Map.of(
                  "body",
                  "WORKING_GROUP_ON_MONITORING",
                  "organisationId",
                  freshOrganisation(),
                  "seat",
                  "MEMBER"));
      case "GET /api/v1/governance/annual-reports", "GET /console/annual-reports" ->
          Call.of(method, pattern + (pattern.startsWith("/api/") ? "?year=2003" : ""));
      case "PUT /api/v1/governance/annual-reports/due-dates/{year}" ->
          Call.json(method, pattern.replace("{year}", "2003"), Map.of("dueOn", "2004-03-31"));
      case "POST /console/annual-reports/due-dates" ->
          Call.form(pattern, Map.of("year", "2003", "dueOn", "2004-03-31"));
      case "GET /api/v1/governance/annual-reports/{participant}/{year}",
          "PUT /api/v1/governance/annual-reports/{participant}/{year}/draft",
          "POST /api/v1/governance/annual-reports/{participant}/{year}/draft/attachments",
          "DELETE /api/v1/governance/annual-reports/{participant}/{year}/draft/attachments/{id}",
          "POST /api/v1/governance/annual-reports/{participant}/{year}/submissions",
          "POST /api/v1/governance/annual-reports/{participant}/{year}/corrections",
          "GET /api/v1/governance/annual-reports/{participant}/{year}/versions/{version}",
          "GET /api/v1/governance/annual-reports/{participant}/{year}/attachments/{id}",
          "POST /api/v1/governance/annual-reports/{participant}/{year}/versions/{version}/assessments",
          "POST /api/v1/governance/annual-reports/{participant}/{year}/questions/{id}/answers",
          "GET /console/annual-reports/{participant}/{year}",
          "POST /console/annual-reports/{participant}/{year}/draft",
          "POST /console/annual-reports/{participant}/{year}/draft/attachments",
          "POST /console/annual-reports/{participant}/{year}/corrections",
          "GET /console/annual-reports/{participant}/{year}/versions/{version}",
          "GET /console/annual-reports/{participant}/{year}/attachments/{id}",
          "POST /console/annual-reports/{participant}/{year}/versions/{version}/assessments",
          "POST /console/annual-reports/{participant}/{year}/questions/{id}/answers" ->
          reportCall(endpoint, column, variant);
      case "DELETE /api/v1/governance/memberships/{id}" ->
          Call.of(method, pattern.replace("{id}", freshMembership()));
      case "POST /api/v1/participants" ->
          Call.json(
              method,
              pattern,
              Map.of(
                  "code",
                  unusedCode(),
                  "name",
                  "Matrix",
                  "admittedOn",
                  "2020-01-01",
                  "reason",
                  "matrix"));
      case "POST /participants/{code}/certificate-language" ->
          Call.form(pattern.replace("{code}", "BW"), Map.of("languages", "en"));
      case "POST /api/v1/governance/decisions" ->
          Call.json(method, pattern, DecisionRequests.decision(LocalDate.parse(today), List.of()));
      case "POST /console/governance/decisions" ->
          Call.form(
              pattern,
              Map.of(
                  "number",
                  DecisionRequests.number(),
                  "title",
                  "Matrix decision",
                  "body",
                  "PLENARY",
                  "adoptedOn",
                  today,
                  "effectiveOn",
                  today,
                  "text",
                  "Recorded by the access matrix."));
      case "GET /api/v1/governance/decisions/{id}", "GET /governance/decisions/{id}" ->
          Call.of(method, pattern.replace("{id}", seededDecision()));
      case "POST /api/v1/organisations" ->
          Call.json(
              method,
              pattern,
              Map.of(
                  "name",
                  "Matrix company " + counter.incrementAndGet(),
                  "country",
                  "BW",
                  "roles",
                  List.of("TRADER")));
      case "POST /api/v1/auth/token" ->
          Call.json(
              method,
              pattern,
              Map.of(
                  "username", actors.get("trader").username(),
                  "password", actors.get("trader").password()));
      case "POST /log/cosignatures" ->
          new Call(method, pattern, "not a cosignature\n", "text/plain");
      case "PUT /api/v1/federation/directory" ->
          Call.json(method, pattern, Map.of("nodes", List.of()));
      case "POST /api/v1/federation/deliveries" -> Call.json(method, pattern, Map.of());
      case "POST /api/v1/federation/incoming/{number}/confirmation" ->
          // a single node: nothing comes in, so there is nothing to confirm (404 for anyone)
          Call.json(method, pattern.replace("{number}", "BW00000001"), Map.of("receivedOn", today));
      case "POST /console/federation/incoming/{number}/confirmation" ->
          // the page's confirm form, on a single node: nothing to confirm (404 for anyone)
          Call.form(
              pattern.replace("{number}", "BW00000001"),
              Map.of("parcels", "3", "carats", "1250.40", "sealId", "SEAL-1", "receivedOn", today));
      case "POST /add-checkpoint" ->
          new Call(method, pattern, "old 0\n\nnot a checkpoint\n", "text/plain");
      case "GET /log/tile/**" -> Call.of(method, "/log/tile/0/000.p/1");
      case "GET /api/v1/statistics/checks",
          "GET /api/v1/statistics/summary",
          "GET /api/v1/statistics/summary.csv",
          "GET /api/v1/statistics/matrix",
          "GET /api/v1/statistics/matrix.csv" ->
          Call.of(method, pattern + "?year=2024");
      case "POST /api/v1/valuation/price-books" ->
          new Call(
              method,
              pattern
                  + "?name=AM-"
                  + priceBooks.incrementAndGet()
                  + "&validFrom=2026-01-01&validTo=2026-12-31",
              PRICE_BOOK,
              "text/csv");
      case "GET /api/v1/valuation/price-books/{name}/versions/{version}",
          "GET /api/v1/valuation/price-books/{name}/versions/{version}/csv",
          "GET /console/valuation/price-books/{name}/versions/{version}/csv" ->
          Call.of(method, pattern.replace("{name}", priceBook()).replace("{version}", "1"));
      case "GET /api/v1/valuation/bands", "GET /console/valuation/bands" ->
          Call.of(method, pattern + "?origin=BW&flow=producer&on=2026-06-01");
      case "POST /api/v1/valuation/valuations" ->
          Call.json(
              method,
              pattern,
              Map.of(
                  "on",
                  "2026-06-01",
                  "lines",
                  List.of(Map.of("assortment", "SAND/CHIPS/Q4/MIXED", "carats", "1.00"))));
      case "POST /api/v1/valuation/checks" ->
          Call.json(
              method,
              pattern,
              Map.of(
                  "origins",
                  List.of("BW"),
                  "exporter",
                  "BW",
                  "on",
                  "2026-06-01",
                  "lines",
                  List.of(Map.of("hsCode", "7102.31", "carats", "1.00", "valueUsd", "100.00"))));
      case "GET /verify" ->
          Call.of(method, "/verify?number=" + otherCertificate().json().get("number").asString());
      case "GET /api/v1/log/entries/{id}", "GET /api/v1/log/entries/{id}/proof" ->
          Call.of(
              method,
              pattern.replace(
                  "{id}", otherCertificate().json().get("log").get("entryId").asString()));
      case "GET /api/v1/log/records/{type}/{recordId}/entries" ->
          Call.of(
              method,
              "/api/v1/log/records/kp.certificate/"
                  + otherCertificate().json().get("number").asString()
                  + "/entries");
      case "GET /api/v1/verify/certificates/{number}", "GET /verify/{number}" ->
          Call.of(
              method,
              pattern.replace("{number}", otherCertificate().json().get("number").asString()));
      case "POST /api/v1/risk-lists" ->
          Call.json(
              method,
              pattern,
              Map.of(
                  "list", "CAHRA", "subject", "SS", "validFrom", "2020-01-01", "source", "test"));
      case "POST /api/v1/risk-lists/{id}/end" ->
          Call.json(
              method,
              pattern.replace("{id}", java.util.UUID.randomUUID().toString()),
              Map.of("validTo", "2030-01-01"));
      case "POST /console/findings/{id}/responses" ->
          Call.form(
              pattern.replace("{id}", java.util.UUID.randomUUID().toString()),
              Map.of("decision", "SUSPEND", "responder", "A. Tester"));
      case "POST /api/v1/findings/{id}/responses" ->
          Call.json(
              method,
              pattern.replace("{id}", java.util.UUID.randomUUID().toString()),
              Map.of("decision", "SUSPEND", "responder", "A. Tester"));
      default ->
          Call.of(
              method,
              pattern
                  .replace("{code}", "BW")
                  .replace("{country}", "BW")
                  .replace("{group}/{id}", "ledger/no-checkpoint")
                  .replace("{id}", "KP-01")
                  .replace("{year}", "2026"));
    };
  }

  static final String PRICE_BOOK =
      "size,model,quality,colour,usd_per_carat\nSAND,CHIPS,Q4,MIXED,6.80\n";

  @Nullable String priceBook;

  /** Names of uploaded price books (apart from {@link #counter}, which names participants). */
  final AtomicInteger priceBooks = new AtomicInteger();

  /** A price book uploaded once by Botswana's authority, for the cells that read one. */
  String priceBook() {
    if (priceBook == null) {
      Api.Answer a =
          actors
              .get("authority")
              .api()
              .postRaw(
                  "/api/v1/valuation/price-books?name=AM-BOOK&validFrom=2026-01-01&validTo=2026-12-31",
                  "text/csv",
                  PRICE_BOOK);
      assertThat(a.status()).as(a.body()).isEqualTo(201);
      priceBook = "AM-BOOK";
    }
    return priceBook;
  }

  /** Natural lots of an owner under the diamond profile, by owner and kind (commissioned once). */
  final Map<String, String> lots = new HashMap<>();

  String lot(Actor owner, String kind) {
    return lots.computeIfAbsent(owner.username() + "/" + kind, k -> commission(owner, kind));
  }

  /** Commissions a fresh natural lot of the kind (rough, polished) as the owner: its class URI. */
  String commission(Actor owner, String kind) {
    String lot = "urn:epc:class:lgtin:9521141.012345.MX" + epcs.incrementAndGet();
    captureDocument(
        owner,
        """
        {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                      {"kimberlite": "https://kimberlite.org/epcis/profile/"}],
         "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-01-01T10:00:00Z",
         "epcisBody": {"eventList": [{"type": "ObjectEvent", "eventTime": "2026-01-01T10:00:00Z",
           "eventTimeZoneOffset": "+00:00", "epcList": [], "action": "ADD",
           "quantityList": [{"epcClass": "%s", "quantity": 5, "uom": "CTM"}],
           "bizStep": "commissioning", "kimberlite:nature": "natural",
           "kimberlite:origin": ["BW"], "kimberlite:goods": "%s"}]}}
        """
            .formatted(lot, kind));
    return lot;
  }

  /** Publishes the consumer trace of a polished stone of the owner's: its public id. */
  String publish(Actor owner, String lot) {
    Api.Answer a = owner.api().post("/api/v1/provenance/public", Map.of("epc", lot));
    assertThat(a.status()).as(a.body()).isIn(200, 201);
    return a.json().get("publicId").asString();
  }

  final Map<String, String> publications = new HashMap<>();

  /** The owner's published consumer trace (once per owner). */
  String publication(Actor owner) {
    return publications.computeIfAbsent(
        owner.username(), k -> publish(owner, lot(owner, "polished")));
  }

  String answer(String column, Call call) throws IOException, InterruptedException {
    String base = "http://127.0.0.1:" + port;
    boolean machine =
        call.path().startsWith("/api/")
            || call.path().startsWith("/log/")
            || call.path().startsWith("/epcis/")
            || call.path().startsWith("/v3/");
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + call.path())).timeout(Duration.ofSeconds(30));
    HttpRequest.BodyPublisher body =
        call.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(call.body());
    b.method(call.method(), body);
    if (call.contentType() != null) {
      b.header("Content-Type", call.contentType());
    }
    HttpClient client;
    if (machine) {
      b.header("Accept", "application/json");
      client = HttpClient.newHttpClient();
      if (!column.equals("anon")) {
        b.header("Authorization", "Bearer " + tokenOf(column));
      }
    } else {
      // The console's validation answers the page's script in JSON; every other page in HTML.
      b.header("Accept", call.path().endsWith("/validation") ? "application/json" : "text/html");
      Session s = session(column);
      client = s.client();
      b.header(s.csrfHeader(), s.csrf());
    }
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    int status = r.statusCode();
    if (status >= 200 && status < 300) {
      return "ok";
    }
    if (status >= 300 && status < 400) {
      String location = r.headers().firstValue("Location").orElse("");
      return location.endsWith("/login") ? "login" : "ok";
    }
    return Integer.toString(status);
  }

  final Map<String, String> tokens = new HashMap<>();

  String tokenOf(String column) {
    return tokens.computeIfAbsent(
        column,
        c ->
            anonymous()
                .post(
                    "/api/v1/auth/token",
                    Map.of(
                        "username", actors.get(c).username(),
                        "password", actors.get(c).password()))
                .json()
                .get("token")
                .asString());
  }

  // ---------------------------------------------------------------- the table

  /** Every endpoint the application maps, as "METHOD pattern". */
  List<String> endpoints() {
    List<String> out = new ArrayList<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      var methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (methods.isEmpty()) {
          out.add("ANY " + pattern);
        }
        for (RequestMethod m : methods) {
          out.add(m.name() + " " + pattern);
        }
      }
    }
    return out.stream().sorted().toList();
  }

  /** A row of the table: the endpoint, the variant and an answer per column (or a skip). */
  record Row(String endpoint, String variant, List<String> answers) {}

  static Map<String, Row> table() throws IOException {
    Map<String, Row> rows = new LinkedHashMap<>();
    try (InputStream in = AccessMatrixH2IT.class.getResourceAsStream(TABLE)) {
      if (in == null) {
        return rows;
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.lines().toList()) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        List<String> cells = new ArrayList<>();
        for (String cell : Pattern.compile("\\|").split(t, -1)) {
          cells.add(cell.strip());
        }
        String endpoint = cells.get(0);
        String variant = cells.get(1);
        rows.put(
            endpoint + " | " + variant, new Row(endpoint, variant, cells.subList(2, cells.size())));
      }
    }
    return rows;
  }

  @Test
  void everyEndpointAnswersEveryRoleAsTheTableSays() throws Exception {
    world();
    Map<String, Row> table = table();
    Map<String, List<String>> variantsOf = new TreeMap<>();
    for (Row r : table.values()) {
      variantsOf.computeIfAbsent(r.endpoint(), k -> new ArrayList<>()).add(r.variant());
    }
    List<String> problems = new ArrayList<>();
    StringBuilder observed = new StringBuilder();
    observed
        .append("# METHOD pattern | variant | ")
        .append(String.join(" | ", COLUMNS))
        .append('\n');
    for (String endpoint : endpoints()) {
      List<String> variants = variantsOf.get(endpoint);
      if (variants == null) {
        problems.add(endpoint + ": no expectation in " + TABLE);
        variants =
            endpoint.contains("{") && !endpoint.contains("{code}")
                ? List.of("own", "other")
                : List.of("-");
      }
      for (String variant : variants) {
        Row expected = table.get(endpoint + " | " + variant);
        if (expected != null
            && expected.answers().size() == 1
            && expected.answers().get(0).startsWith("skip")) {
          observed
              .append(endpoint)
              .append(" | ")
              .append(variant)
              .append(" | ")
              .append(expected.answers().get(0))
              .append('\n');
          continue;
        }
        List<String> answers = new ArrayList<>();
        for (String column : COLUMNS) {
          String got;
          waitForLog = endpoint.endsWith("/proof");
          writing = !endpoint.startsWith("GET ") && !endpoint.startsWith("DELETE /api/v1/cert");
          try {
            got = answer(column, call(endpoint, column, variant));
          } catch (RuntimeException | AssertionError e) {
            got = "error:" + e.getClass().getSimpleName();
          }
          answers.add(got);
          if (writing && got.equals("ok")) {
            readable.clear();
            kids.clear();
          }
          String want =
              expected == null || expected.answers().size() != COLUMNS.size()
                  ? "?"
                  : expected.answers().get(COLUMNS.indexOf(column));
          if (!want.equals(got)) {
            problems.add(
                endpoint
                    + " | "
                    + variant
                    + " | "
                    + column
                    + ": expected "
                    + want
                    + ", got "
                    + got);
          }
        }
        observed
            .append(endpoint)
            .append(" | ")
            .append(variant)
            .append(" | ")
            .append(String.join(" | ", answers))
            .append('\n');
      }
    }
    for (String endpoint : variantsOf.keySet()) {
      if (!endpoints().contains(endpoint)) {
        problems.add(endpoint + ": in the table but not mapped (remove the row)");
      }
    }
    if (!problems.isEmpty()) {
      Files.writeString(Path.of("target", "access-matrix-observed.txt"), observed.toString());
    }
    assertThat(problems).as("see target/access-matrix-observed.txt").isEmpty();
  }
}

package org.kimberlite.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.support.Actors;
import org.kimberlite.support.Actors.Actor;
import org.kimberlite.support.Api;
import org.kimberlite.support.Api.Answer;
import org.kimberlite.support.OpenApiDocument;
import org.kimberlite.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document cannot drift from the code: every /api/v1 handler is in it, and real answers
 * of the main endpoints (participants, certificates issued, read, verified and confirmed, refusals,
 * statistics, the log, tokens) have a documented status and a body that validates against the
 * documented schema. The document and its page are public.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
@Import(TestClock.Config.class)
class OpenApiContractH2IT {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:h2:mem:openapi-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
  }

  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;
  @Autowired TestClock clock;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  OpenApiDocument document;
  final List<String> problems = new ArrayList<>();

  Api anonymous() {
    return new Api("http://127.0.0.1:" + port);
  }

  @BeforeEach
  void load() {
    document = OpenApiDocument.of(anonymous());
  }

  Answer check(String method, String template, Answer answer) {
    problems.addAll(document.problems(method, template, answer));
    return answer;
  }

  @Test
  void theDocumentIsOpenApi31AndPublicWithItsPage() {
    assertThat(document.json().get("openapi").asString()).startsWith("3.1");
    JsonNode problem = document.json().at("/components/schemas/Problem");
    assertThat(problem.at("/properties/rules/description").asString()).contains("/problems/KP-01");
    assertThat(document.json().at("/components/securitySchemes/bearer/scheme").asString())
        .isEqualTo("bearer");
    Answer page = anonymous().getPage("/swagger-ui/index.html");
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui");
    assertThat(page.body()).doesNotContain("http://").doesNotContain("https://");
    Answer yaml = anonymous().get("/v3/api-docs.yaml");
    assertThat(yaml.status()).isEqualTo(200);
  }

  @Test
  void everyMappedApiHandlerIsInTheDocument() {
    Set<String> missing = new TreeSet<>();
    int seen = 0;
    for (var info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String path : info.getPatternValues()) {
        if (!path.startsWith("/api/v1/")) {
          continue;
        }
        for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          seen++;
          if (document.operation(m.name(), path) == null) {
            missing.add(m + " " + path);
          }
        }
      }
    }
    assertThat(seen).isGreaterThan(40);
    assertThat(missing).as("handlers missing from /v3/api-docs").isEmpty();
  }

  @Test
  void realAnswersMatchTheDocument() {
    Actors actors = new Actors(organisations, accounts, anonymous());
    Actor botswana = actors.create(OrganisationRole.KP_AUTHORITY, "BW");
    Actor belgium = actors.create(OrganisationRole.KP_AUTHORITY, "BE");
    Actor exporter = actors.create(OrganisationRole.TRADER, "BW");
    Actor importer = actors.create(OrganisationRole.TRADER, "BE");
    Api anonymous = anonymous();

    // Auth: a token, a refused one, the caller's tokens.
    check(
        "POST",
        "/api/v1/auth/token",
        anonymous.post(
            "/api/v1/auth/token",
            Map.of("username", botswana.username(), "password", botswana.password())));
    check(
        "POST",
        "/api/v1/auth/token",
        anonymous.post("/api/v1/auth/token", Map.of("username", "nobody", "password", "wrong")));
    check("GET", "/api/v1/auth/tokens", botswana.api().get("/api/v1/auth/tokens"));
    check("GET", "/api/v1/me", botswana.api().get("/api/v1/me"));

    // Participants: the register, one participant, its standing, a country, unknown ones.
    check("GET", "/api/v1/participants", anonymous.get("/api/v1/participants"));
    check("GET", "/api/v1/participants", anonymous.get("/api/v1/participants?on=yesterday"));
    check("GET", "/api/v1/participants/{code}", anonymous.get("/api/v1/participants/BW"));
    check("GET", "/api/v1/participants/{code}", anonymous.get("/api/v1/participants/XX"));
    check(
        "GET",
        "/api/v1/participants/{code}/standing",
        anonymous.get("/api/v1/participants/CF/standing?on=2013-06-01"));
    check("GET", "/api/v1/countries/{country}", anonymous.get("/api/v1/countries/BE"));
    check("GET", "/api/v1/registry/sources", anonymous.get("/api/v1/registry/sources"));
    check("GET", "/api/v1/trust-list", anonymous.get("/api/v1/trust-list"));

    // Certificates: issue (and refusals), read, list, validate, verify, confirm.
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> body = new HashMap<>();
    body.put("exporter", exporter.id().toString());
    body.put("importer", importer.id().toString());
    body.put("importingParticipant", "EU");
    body.put("origin", Map.of("kind", "single", "countries", List.of("BW")));
    body.put(
        "lines",
        List.of(Map.of("hsCode", "7102.31", "carats", "1250.40", "valueUsd", "187560.00")));
    body.put("parcels", 3);
    body.put("sealId", "SEAL-000123");
    body.put("issuedOn", today.toString());
    body.put("expiresOn", today.plusDays(30).toString());
    check(
        "POST",
        "/api/v1/certificates/validation",
        botswana.api().post("/api/v1/certificates/validation", body));
    Answer issued =
        check(
            "POST",
            "/api/v1/certificates",
            botswana.api().post("/api/v1/certificates?wait=5s", body));
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    JsonNode cert = issued.json();
    String number = cert.get("number").asString();
    Map<String, Object> bad = new HashMap<>(body);
    bad.put("parcels", 0);
    bad.put("lines", List.of(Map.of("hsCode", "7102.31", "carats", "-1", "valueUsd", "1.00")));
    check("POST", "/api/v1/certificates", botswana.api().post("/api/v1/certificates", bad));
    check("POST", "/api/v1/certificates", anonymous.post("/api/v1/certificates", body));
    check(
        "POST",
        "/api/v1/certificates",
        botswana.api().postRaw("/api/v1/certificates", "application/json", "{not json"));
    check(
        "GET",
        "/api/v1/certificates/{number}",
        botswana.api().get("/api/v1/certificates/" + number));
    check("GET", "/api/v1/certificates/{number}", belgium.api().get("/api/v1/certificates/BW0"));
    check("GET", "/api/v1/certificates", botswana.api().get("/api/v1/certificates"));
    check("GET", "/api/v1/certificates", botswana.api().get("/api/v1/certificates?direction=up"));
    check(
        "GET",
        "/api/v1/certificates/{number}/history",
        botswana.api().get("/api/v1/certificates/" + number + "/history"));
    check(
        "GET",
        "/api/v1/certificates/{number}/findings",
        botswana.api().get("/api/v1/certificates/" + number + "/findings"));
    // The yearly due-diligence report: JSON, PDF, a year out of bounds, another's.
    String report = "/api/v1/organisations/" + exporter.id() + "/due-diligence-reports/";
    String template = "/api/v1/organisations/{id}/due-diligence-reports/{year}";
    check("GET", template, exporter.api().get(report + (today.getYear() - 1)));
    check("GET", template, exporter.api().get(report + (today.getYear() + 1)));
    check("GET", template, importer.api().get(report + today.getYear()));
    check("GET", template + ".pdf", exporter.api().get(report + today.getYear() + ".pdf"));
    check(
        "GET",
        "/api/v1/certificates/{number}/proof",
        anonymous.get("/api/v1/certificates/" + number + "/proof"));
    check(
        "GET",
        "/api/v1/verify/certificates/{number}",
        anonymous.get("/api/v1/verify/certificates/" + number));
    check(
        "GET",
        "/api/v1/verify/certificates/{number}",
        anonymous.get("/api/v1/verify/certificates/BW00000000"));
    Map<String, Object> confirmation = new HashMap<>();
    confirmation.put("parcels", 3);
    confirmation.put("carats", "1250.40");
    confirmation.put("importer", importer.id().toString());
    confirmation.put("exporter", exporter.id().toString());
    confirmation.put("sealId", "SEAL-000123");
    confirmation.put("receivedOn", today.toString());
    Answer confirmed =
        check(
            "POST",
            "/api/v1/certificates/{number}/confirmation",
            belgium.api().post("/api/v1/certificates/" + number + "/confirmation", confirmation));
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    check(
        "POST",
        "/api/v1/certificates/{number}/confirmation",
        belgium.api().post("/api/v1/certificates/" + number + "/confirmation", confirmation));
    check(
        "DELETE",
        "/api/v1/certificates/{number}",
        botswana.api().delete("/api/v1/certificates/" + number));

    // The log: the certificate's entry, its proof, the record's entries.
    String entryId = cert.get("log").get("entryId").asString();
    check("GET", "/api/v1/log/entries/{id}", anonymous.get("/api/v1/log/entries/" + entryId));
    check(
        "GET",
        "/api/v1/log/entries/{id}/proof",
        anonymous.get("/api/v1/log/entries/" + entryId + "/proof"));
    check(
        "GET",
        "/api/v1/log/records/{type}/{recordId}/entries",
        anonymous.get("/api/v1/log/records/kp-certificate/" + number + "/entries"));

    // Statistics: public summaries and the matrix, the secretariat's checks refused to a trader.
    check("GET", "/api/v1/statistics/years", anonymous.get("/api/v1/statistics/years"));
    check(
        "GET",
        "/api/v1/statistics/summary",
        anonymous.get("/api/v1/statistics/summary?year=" + today.getYear()));
    check("GET", "/api/v1/statistics/summary", anonymous.get("/api/v1/statistics/summary?year=x"));
    check(
        "GET",
        "/api/v1/statistics/matrix",
        anonymous.get("/api/v1/statistics/matrix?year=" + today.getYear()));
    check(
        "GET",
        "/api/v1/statistics/participants/{code}",
        anonymous.get("/api/v1/statistics/participants/BW"));
    check(
        "GET",
        "/api/v1/statistics/checks",
        exporter.api().get("/api/v1/statistics/checks?year=" + today.getYear()));
    check("GET", "/api/v1/signing-keys", botswana.api().get("/api/v1/signing-keys"));

    assertThat(document.checked()).isGreaterThan(35);
    assertThat(problems).as("answers that do not match /v3/api-docs").isEmpty();
  }
}

package org.kimberlite.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
import org.kimberlite.support.SharedCorpus;
import org.kimberlite.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Our EPCIS endpoints against GS1's EPCIS 2.0 REST binding (its OpenAPI document, read from the
 * shared corpus; skipped with a notice when absent). For every operation mapped under /epcis: GS1
 * defines the same path and method, the media types we read and write are GS1's (plus JSON-LD,
 * which EPCIS 2.0 documents are), the query parameters we take are GS1's; real answers have a
 * status GS1 lists for the operation (or one of the few differences docs/custody.md names) and
 * carry the headers GS1 gives that status. The GS1 operations we do not implement are the list in
 * docs/custody.md, so that the list cannot go stale.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
@Import(TestClock.Config.class)
class EpcisRestBindingH2IT {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:epcis-binding-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
  }

  /** Media types we take or answer beyond GS1's: JSON-LD, the form EPCIS 2.0 documents have. */
  static final Set<String> OUR_EXTRA_TYPES = Set.of("application/ld+json");

  /**
   * Statuses we answer that GS1's document does not list for the operation (docs/custody.md, "REST
   * binding"): a query parameter we do not support, or a malformed one, is refused with 400.
   */
  static final Set<String> OUR_EXTRA_STATUSES = Set.of("GET /events 400");

  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  JsonNode gs1;
  Actor miner;

  Api anonymous() {
    return new Api("http://127.0.0.1:" + port);
  }

  @BeforeEach
  void load() throws Exception {
    Path folder = SharedCorpus.require("epcis/gs1-EPCIS/REST Bindings");
    gs1 = Api.JSON.readTree(Files.readString(folder.resolve("openapi.json")));
    miner = new Actors(organisations, accounts, anonymous()).create(OrganisationRole.MINER, "BW");
  }

  /** A path template with its parameter names left out: /capture/{} for /capture/{captureID}. */
  static String shape(String template) {
    return template.replaceAll("\\{[^}]*}", "{}");
  }

  /** GS1's path for our template (ours under /epcis), or null when GS1 has none. */
  String gs1Path(String ours) {
    String wanted = shape(ours.substring("/epcis".length()));
    for (String p : gs1.get("paths").propertyNames()) {
      if (shape(p).equals(wanted)) {
        return p;
      }
    }
    return null;
  }

  JsonNode resolve(JsonNode node) {
    JsonNode ref = node.get("$ref");
    if (ref == null) {
      return node;
    }
    JsonNode at = gs1;
    for (String part :
        java.util.regex.Pattern.compile("/").splitAsStream(ref.asString().substring(2)).toList()) {
      at = at.get(part);
    }
    return at;
  }

  JsonNode operation(String method, String gs1Path) {
    return gs1.get("paths").get(gs1Path).get(method.toLowerCase(Locale.ROOT));
  }

  Set<String> parameters(String method, String gs1Path, String in) {
    Set<String> names = new TreeSet<>();
    List<JsonNode> all = new ArrayList<>();
    operation(method, gs1Path).path("parameters").forEach(all::add);
    gs1.get("paths").get(gs1Path).path("parameters").forEach(all::add);
    for (JsonNode p : all) {
      JsonNode r = resolve(p);
      if (r.path("in").asString().equals(in)) {
        names.add(r.path("name").asString());
      }
    }
    return names;
  }

  Set<String> responseTypes(String method, String gs1Path) {
    Set<String> types = new TreeSet<>();
    for (JsonNode r : operation(method, gs1Path).path("responses")) {
      resolve(r).path("content").propertyNames().forEach(types::add);
    }
    return types;
  }

  Set<String> statuses(String method, String gs1Path) {
    return new TreeSet<>(operation(method, gs1Path).path("responses").propertyNames());
  }

  Set<String> headers(String method, String gs1Path, int status) {
    JsonNode r = operation(method, gs1Path).path("responses").path(Integer.toString(status));
    return new TreeSet<>(resolve(r).path("headers").propertyNames());
  }

  /** Our operations under /epcis: "METHOD /epcis/…" and their mapping. */
  Map<String, RequestMappingInfo> ours() {
    Map<String, RequestMappingInfo> out = new TreeMap<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/epcis/")) {
                  continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                  out.put(m.name() + " " + pattern, info);
                }
              }
            });
    return out;
  }

  @Test
  void everyOperationWeMapIsGs1sWithItsMediaTypesAndParameters() {
    Map<String, RequestMappingInfo> ours = ours();
    assertThat(ours).isNotEmpty();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, RequestMappingInfo> e : ours.entrySet()) {
      String method = e.getKey().substring(0, e.getKey().indexOf(' '));
      String pattern = e.getKey().substring(method.length() + 1);
      String path = gs1Path(pattern);
      if (path == null || operation(method, path) == null) {
        problems.add(e.getKey() + ": no such operation in GS1's binding");
        continue;
      }
      Set<String> gs1Types = responseTypes(method, path);
      for (var produced : e.getValue().getProducesCondition().getProducibleMediaTypes()) {
        String type = produced.toString();
        if (!gs1Types.contains(type) && !OUR_EXTRA_TYPES.contains(type)) {
          problems.add(e.getKey() + ": answers " + type + ", GS1 lists " + gs1Types);
        }
      }
      JsonNode body = operation(method, path).get("requestBody");
      Set<String> accepted = new TreeSet<>();
      if (body != null) {
        resolve(body).path("content").propertyNames().forEach(accepted::add);
      }
      for (var consumed : e.getValue().getConsumesCondition().getConsumableMediaTypes()) {
        String type = consumed.toString();
        if (!accepted.contains(type) && !OUR_EXTRA_TYPES.contains(type)) {
          problems.add(e.getKey() + ": takes " + type + ", GS1 lists " + accepted);
        }
      }
      Set<String> pathParameters = parameters(method, path, "path");
      assertThat(shape(pattern).chars().filter(c -> c == '{').count())
          .as(e.getKey() + " path parameters")
          .isEqualTo(pathParameters.size());
    }
    // The query parameters /epcis/events takes (EpcisQueryApi) are all GS1's.
    Set<String> gs1Query = parameters("GET", "/events", "query");
    for (String ours2 :
        List.of(
            "eventType",
            "GE_eventTime",
            "LT_eventTime",
            "GE_recordTime",
            "LT_recordTime",
            "EQ_bizStep",
            "EQ_disposition",
            "EQ_readPoint",
            "EQ_bizLocation",
            "EQ_eventID",
            "MATCH_epc",
            "MATCH_anyEPC",
            "perPage",
            "nextPageToken")) {
      if (!gs1Query.contains(ours2)) {
        problems.add("GET /epcis/events?" + ours2 + ": not a GS1 query parameter");
      }
    }
    assertThat(problems).isEmpty();
  }

  void status(List<String> problems, String method, String gs1Path, Answer a) {
    String key = method + " " + gs1Path + " " + a.status();
    if (!statuses(method, gs1Path).contains(Integer.toString(a.status()))
        && !OUR_EXTRA_STATUSES.contains(key)) {
      problems.add(key + ": not a status GS1 lists (" + statuses(method, gs1Path) + ")");
    }
    for (String header : headers(method, gs1Path, a.status())) {
      boolean optional =
          header.equals("GS1-Extensions")
              || header.equals("Link")
              || header.equals("GS1-Next-Page-Token-Expires")
              || header.startsWith("GS1-EPCIS-Capture")
              || header.equals("GS1-Vendor-Version")
              || header.equals("GS1-CBV-XML-Format")
              || header.equals("GS1-EPC-Format");
      if (!optional && a.raw().headers().firstValue(header).isEmpty()) {
        problems.add(key + ": no " + header + " header");
      }
    }
    if (a.status() >= 400 && !a.contentType().startsWith("application/problem+json")) {
      problems.add(key + ": error body " + a.contentType() + ", GS1 gives problem+json");
    }
  }

  @Test
  void realAnswersHaveGs1sStatusesHeadersAndMediaTypes() throws Exception {
    List<String> problems = new ArrayList<>();
    String doc =
        CustodyContract.document(
            CustodyContract.event(
                "ObjectEvent",
                "2024-05-01T08:00:00Z",
                "commissioning",
                CustodyContract.stone(1),
                ""));
    Answer captured =
        miner.api().exchange("POST", "/epcis/capture", doc, "Content-Type", "application/json");
    status(problems, "POST", "/capture", captured);
    String location = captured.raw().headers().firstValue("Location").orElseThrow();
    Answer job = miner.api().get(location);
    for (int i = 0; i < 500 && job.json().path("running").asBoolean(); i++) {
      Thread.sleep(20);
      job = miner.api().get(location);
    }
    status(problems, "GET", "/capture/{captureID}", job);
    status(problems, "GET", "/capture", miner.api().get("/epcis/capture"));
    status(
        problems, "OPTIONS", "/capture", miner.api().exchange("OPTIONS", "/epcis/capture", null));
    status(problems, "GET", "/capture/{captureID}", miner.api().get("/epcis/capture/nothing-here"));
    status(
        problems,
        "POST",
        "/capture",
        miner
            .api()
            .exchange("POST", "/epcis/capture", "<epcis/>", "Content-Type", "application/xml"));
    status(
        problems,
        "POST",
        "/capture",
        anonymous().exchange("POST", "/epcis/capture", doc, "Content-Type", "application/json"));
    Answer events = miner.api().get("/epcis/events");
    status(problems, "GET", "/events", events);
    String type = events.contentType();
    assertThat(responseTypes("GET", "/events"))
        .contains(type.contains(";") ? type.substring(0, type.indexOf(';')).strip() : type);
    status(problems, "GET", "/events", anonymous().get("/epcis/events"));
    status(problems, "GET", "/events", miner.api().get("/epcis/events?EQ_action=ADD"));
    String eventId =
        events
            .json()
            .path("epcisBody")
            .path("queryResults")
            .path("resultsBody")
            .path("eventList")
            .get(0)
            .path("eventID")
            .asString();
    // A hash ID holds slashes: the path takes its 64 hexadecimal digits (docs/custody.md).
    status(
        problems,
        "GET",
        "/events/{eventID}",
        miner.api().get("/epcis/events/" + CustodyContract.hex(eventId)));
    status(
        problems,
        "GET",
        "/events/{eventID}",
        miner.api().get("/epcis/events/urn:uuid:00000000-0000-4000-8000-000000000000"));
    assertThat(problems).isEmpty();
  }

  @Test
  void theOperationsWeDoNotImplementAreListedInTheDocs() throws Exception {
    Set<String> implemented = new TreeSet<>();
    for (String key : ours().keySet()) {
      String method = key.substring(0, key.indexOf(' '));
      String path = gs1Path(key.substring(method.length() + 1));
      implemented.add(method + " " + path);
    }
    String docs = Files.readString(Path.of("docs", "custody.md"));
    List<String> missing = new ArrayList<>();
    for (String path : gs1.get("paths").propertyNames()) {
      for (String method : gs1.get("paths").get(path).propertyNames()) {
        if (method.equals("parameters")) {
          continue;
        }
        String op = method.toUpperCase(Locale.ROOT) + " " + path;
        if (!implemented.contains(op) && !docs.contains("`" + op + "`")) {
          missing.add(op);
        }
      }
    }
    assertThat(missing)
        .as("GS1 operations neither implemented nor listed in docs/custody.md")
        .isEmpty();
  }
}

package org.kimberlite.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kimberlite.federation.ExchangeH2IT.Node;
import org.kimberlite.federation.internal.NodeKeys;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.SignedDocuments;
import org.kimberlite.shared.json.CanonicalJson;
import org.kimberlite.support.Actors.Actor;
import org.kimberlite.support.Api.Answer;
import org.kimberlite.support.PageSession;
import tools.jackson.databind.JsonNode;

/**
 * Statistics across nodes with two nodes in one JVM, each with its own H2 database, keys and log:
 * the secretariat's node (which publishes the directory and serves the EU) and Botswana's. A
 * certificate issued in Botswana and a production report filed there become Botswana's signed,
 * logged document; the secretariat's node fetches it, verifies it and shows Botswana in its global
 * figures, with the mirror analysis across the two nodes; a tampered or older document is refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatisticsExchangeH2IT {
  static Node secretariatNode;
  static Node botswana;
  static Actor secretariat;
  static Actor authority;
  static Actor exporter;
  static Actor importer;
  static int year;

  @BeforeAll
  static void twoNodes() throws IOException {
    int sPort = ExchangeH2IT.freePort();
    secretariatNode =
        new Node(
            "kp-secretariat",
            sPort,
            ExchangeH2IT.settings(
                "kp-secretariat",
                sPort,
                "--kimberlite.federation.exchange.publish-directory=true",
                "--kimberlite.federation.statistics.interval=1h"));
    JsonNode sNode = secretariatNode.anonymous().get("/api/v1/federation/node").json();
    int bwPort = ExchangeH2IT.freePort();
    botswana =
        new Node(
            "bw-stats",
            bwPort,
            ExchangeH2IT.settings(
                "bw-stats",
                bwPort,
                "--kimberlite.federation.exchange.directory-url=http://127.0.0.1:" + sPort,
                "--kimberlite.federation.exchange.directory-key="
                    + sNode.get("trustListKey").asString(),
                "--kimberlite.federation.statistics.interval=1h"));
    JsonNode bwNode = botswana.anonymous().get("/api/v1/federation/node").json();

    secretariat = secretariatNode.actor(OrganisationRole.KP_SECRETARIAT, "BE");
    Answer published =
        secretariat
            .api()
            .put(
                "/api/v1/federation/directory",
                Map.of(
                    "nodes",
                    List.of(
                        ExchangeH2IT.listing(sNode, "secretariat", "EU"),
                        ExchangeH2IT.listing(bwNode, "BW", "BW"))));
    assertThat(published.status()).as(published.body()).isEqualTo(201);
    assertThat(botswana.bean(Directories.class).fetch())
        .get()
        .isInstanceOf(DirectoryDecision.Accepted.class);

    authority = botswana.actor(OrganisationRole.KP_AUTHORITY, "BW");
    exporter = botswana.actor(OrganisationRole.TRADER, "BW");
    importer = botswana.actor(OrganisationRole.TRADER, "BE");
    year = LocalDate.now(botswana.bean(java.time.Clock.class)).getYear();
  }

  @AfterAll
  static void stop() {
    if (botswana != null) {
      botswana.stop();
    }
    if (secretariatNode != null) {
      secretariatNode.stop();
    }
  }

  static void issue(String carats) {
    ExchangeH2IT.issue(botswana, authority, exporter, importer, carats);
  }

  static DirectoryNode botswanaListing() {
    return secretariatNode
        .bean(Directories.class)
        .current()
        .orElseThrow()
        .node("bw-stats")
        .orElseThrow();
  }

  /** Fetches Botswana's documents until one is taken (its log entry waits for the integrator). */
  static StatisticsDecision.Admitted fetchUntilTaken() throws InterruptedException {
    FederatedStatistics federated = secretariatNode.bean(FederatedStatistics.class);
    List<StatisticsDecision.Admitted> taken = new ArrayList<>();
    ExchangeH2IT.await(
        "the secretariat's node to take Botswana's document",
        () -> {
          for (StatisticsDecision d : federated.fetch(botswanaListing(), year)) {
            assertThat(d).isNotInstanceOf(StatisticsDecision.Refused.class);
            if (d instanceof StatisticsDecision.Admitted a) {
              taken.add(a);
            }
          }
          return !taken.isEmpty();
        });
    return taken.get(0);
  }

  static JsonNode line(JsonNode figures, String participant) {
    for (JsonNode p : figures.get("participants")) {
      if (p.get("participant").asString().equals(participant)) {
        return p;
      }
    }
    throw new AssertionError("no line of " + participant + " in " + figures);
  }

  @Test
  @Order(1)
  void botswanasDocumentReachesTheSecretariatsGlobalFiguresWithTheMirrorAcrossNodes()
      throws Exception {
    issue("1250.40");
    Answer filed =
        authority
            .api()
            .put(
                "/api/v1/statistics/production/BW/" + year + "/H1",
                Map.of("carats", "5000.00", "valueUsd", "900000.00"));
    assertThat(filed.status()).as(filed.body()).isEqualTo(200);

    Answer made = authority.api().post("/api/v1/federation/statistics/" + year + "/documents", "");
    assertThat(made.status()).as(made.body()).isEqualTo(200);
    assertThat(made.json().get(0).get("participant").asString()).isEqualTo("BW");
    assertThat(made.json().get(0).get("version").asLong()).isEqualTo(1);
    assertThat(made.json().get(0).get("made").asBoolean()).isTrue();
    // the same figures again make no new version
    Answer again = authority.api().post("/api/v1/federation/statistics/" + year + "/documents", "");
    assertThat(again.json().get(0).get("version").asLong()).isEqualTo(1);
    assertThat(again.json().get(0).get("made").asBoolean()).isFalse();

    StatisticsDecision.Admitted taken = fetchUntilTaken();
    assertThat(taken.document().node()).isEqualTo("bw-stats");
    assertThat(taken.document().version()).isEqualTo(1);

    Answer global = secretariat.api().get("/api/v1/federation/statistics/" + year);
    assertThat(global.status()).as(global.body()).isEqualTo(200);
    JsonNode bw = line(global.json(), "BW");
    assertThat(bw.get("node").asString()).isEqualTo("bw-stats");
    assertThat(bw.get("version").asLong()).isEqualTo(1);
    assertThat(new BigDecimal(bw.get("exports").get("carats").asString()))
        .isEqualByComparingTo("1250.40");
    assertThat(bw.get("exports").get("certificates").asLong()).isEqualTo(1);
    assertThat(new BigDecimal(bw.get("production").get("carats").asString()))
        .isEqualByComparingTo("5000.00");
    // the EU, served by the secretariat's own node, from its own records: nothing received
    assertThat(line(global.json(), "EU").get("node").asString()).isEqualTo("kp-secretariat");
    // Botswana's exports to the EU against the EU's imports from Botswana, across the two nodes
    List<JsonNode> mirror = new ArrayList<>();
    global.json().get("mirror").forEach(mirror::add);
    assertThat(mirror)
        .anySatisfy(
            f -> {
              assertThat(f.get("rule").asString()).isEqualTo("STAT-02");
              assertThat(f.get("participant").asString()).isEqualTo("BW");
              assertThat(f.get("evidence").toString()).contains("1250.4");
            });

    // the global figures are the secretariat's alone
    assertThat(authority.api().get("/api/v1/federation/statistics/" + year).status())
        .isEqualTo(403);
    Actor euAuthority = secretariatNode.actor(OrganisationRole.KP_AUTHORITY, "BE");
    assertThat(euAuthority.api().get("/api/v1/federation/statistics/" + year).status())
        .isEqualTo(403);

    // the same figures on the secretariat's page, read over HTTP as a browser would, after a
    // round of fetching that records its state (the document is held already)
    assertThat(secretariatNode.bean(FederatedStatistics.class).fetchAll(1)).isZero();
    PageSession page = secretariatPage();
    HttpResponse<String> html = page.get(PAGE + "?year=" + year, "en");
    assertThat(html.statusCode()).isEqualTo(200);
    String body = html.body();
    assertThat(body).contains("Global figures").doesNotContain("id=\"none-published\"");
    assertThat(body).as("in the navigation").contains("href=\"" + PAGE + "\"");
    assertThat(body).contains("<option value=\"" + year + "\" selected=\"selected\">");
    // Botswana's line: from its node's document, version 1: exports, certificates, production
    assertThat(cells(between(body, "data-participant=\"BW\"", "</tr>")))
        .startsWith("BW", "bw-stats", "1")
        .containsSubsequence("1,250.40", "187,560.00", "1")
        .endsWith("5,000.00", "900,000.00");
    // the EU's line, from the secretariat's node's own records (no document version)
    String eu = between(body, "data-participant=\"EU\"", "</tr>");
    assertThat(cells(eu)).startsWith("EU", "kp-secretariat");
    assertThat(eu).contains("this node");
    // the year's totals
    assertThat(cells(between(body, "id=\"totals\"", "</tr>")))
        .containsSubsequence("Total", "1,250.40", "187,560.00", "1")
        .endsWith("5,000.00", "900,000.00");
    // the mirror difference: exported to the EU per Botswana's document, not recorded as imported
    String pair = between(body, "data-pair=\"BW-EU\"", "</tr>");
    assertThat(pair).contains("href=\"/problems/STAT-02\"").contains("bw-stats", "kp-secretariat");
    assertThat(cells(pair)).containsSubsequence("1,250.40", "1,250.40", "187,560.00");
    // the state of fetching from Botswana's node
    assertThat(cells(between(body, "id=\"sources-table\"", "</table>")))
        .contains("bw-stats", "none");
    // in French
    String fr = page.get(PAGE + "?year=" + year, "fr").body();
    assertThat(fr).contains("Chiffres mondiaux", "Analyse miroir entre les nœuds", "250,40");

    // a year no node has published: said so, with the secretariat's own lines only
    String empty = page.get(PAGE + "?year=" + (year - 3), "en").body();
    assertThat(empty)
        .contains("id=\"none-published\"")
        .contains("No node has published its statistics documents of " + (year - 3) + " yet")
        .doesNotContain("data-participant=\"BW\"");
    assertThat(page.get(PAGE + "?year=20x6", "en").statusCode()).isEqualTo(400);

    // who may read it: as for the API
    PageSession euPage =
        PageSession.signIn(
            secretariatNode.anonymous().base(), euAuthority.username(), euAuthority.password());
    assertThat(euPage.get(PAGE, "en").statusCode()).isEqualTo(403);
    assertThat(euPage.get("/", "en").body()).doesNotContain("href=\"" + PAGE + "\"");
    // a node that does not assemble the figures has no such page, nor the link
    Actor bwSecretariat = botswana.actor(OrganisationRole.KP_SECRETARIAT, "BE");
    PageSession bwPage =
        PageSession.signIn(
            botswana.anonymous().base(), bwSecretariat.username(), bwSecretariat.password());
    assertThat(bwPage.get(PAGE, "en").statusCode()).isEqualTo(404);
    assertThat(bwPage.get("/", "en").body()).doesNotContain("href=\"" + PAGE + "\"");
  }

  static final String PAGE = "/console/federation/statistics";

  static PageSession secretariatPage() throws Exception {
    return PageSession.signIn(
        secretariatNode.anonymous().base(), secretariat.username(), secretariat.password());
  }

  /** The part of {@code html} from {@code start} to the next {@code end}. */
  static String between(String html, String start, String end) {
    int at = html.indexOf(start);
    assertThat(at).as(start + " in the page").isNotNegative();
    String rest = html.substring(at);
    return rest.substring(0, rest.indexOf(end));
  }

  /** The text of each cell of {@code html}, in order. */
  static List<String> cells(String html) {
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", java.util.regex.Pattern.DOTALL)
            .matcher(html);
    while (m.find()) {
      out.add(m.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
    }
    return out;
  }

  @Test
  @Order(2)
  void aRecomputedYearIsANewVersionAndTheOlderOrATamperedDocumentIsRefused() throws Exception {
    // keep version 1 as it was served, to offer it again later
    List<StatisticsDocuments.Pulled> v1 = pulledByHand();
    assertThat(v1).hasSize(1);

    issue("100.00");
    Answer made = authority.api().post("/api/v1/federation/statistics/" + year + "/documents", "");
    assertThat(made.json().get(0).get("version").asLong()).isEqualTo(2);
    StatisticsDecision.Admitted taken = fetchUntilTaken();
    assertThat(taken.document().version()).isEqualTo(2);
    JsonNode bw = line(secretariat.api().get("/api/v1/federation/statistics/" + year).json(), "BW");
    assertThat(bw.get("version").asLong()).isEqualTo(2);
    assertThat(new BigDecimal(bw.get("exports").get("carats").asString()))
        .isEqualByComparingTo("1350.40");
    // the page names the new version
    String row =
        between(
            secretariatPage().get(PAGE + "?year=" + year, "en").body(),
            "data-participant=\"BW\"",
            "</tr>");
    assertThat(cells(row)).containsSubsequence("BW", "bw-stats", "2", "1,350.40");

    FederatedStatistics federated = secretariatNode.bean(FederatedStatistics.class);
    // version 1 again: a rollback
    assertThat(federated.offer(botswanaListing(), v1.get(0)))
        .isInstanceOfSatisfying(
            StatisticsDecision.Refused.class,
            r -> assertThat(r.reason()).isEqualTo(StatisticsDecision.Reason.ROLLBACK));

    // version 2 with its figures changed in flight: the signature no longer holds
    StatisticsDocuments.Pulled genuine = pulledByHand().get(0);
    StatisticsDocuments.Pulled tampered = tamper(genuine);
    assertThat(federated.offer(botswanaListing(), tampered))
        .isInstanceOfSatisfying(
            StatisticsDecision.Refused.class,
            r -> assertThat(r.reason()).isEqualTo(StatisticsDecision.Reason.BAD_SIGNATURE));
    // nothing changed
    JsonNode after =
        line(secretariat.api().get("/api/v1/federation/statistics/" + year).json(), "BW");
    assertThat(after.get("version").asLong()).isEqualTo(2);
    assertThat(new BigDecimal(after.get("exports").get("carats").asString()))
        .isEqualByComparingTo("1350.40");
    assertThat(federated.offer(botswanaListing(), genuine))
        .isEqualTo(new StatisticsDecision.AlreadyHeld(2));
  }

  @Test
  @Order(3)
  void onlyTheSecretariatsNodeFetchesTheDocuments() {
    String path = StatisticsPublishing.DOCUMENTS + "?year=" + year;
    // no signature
    Answer unsigned = botswana.anonymous().get(path);
    ExchangeH2IT.refusedAsProblem(unsigned, 401, "federation/signature");
    // signed by a listed node that is not the secretariat's: Botswana's own
    ExchangeH2IT.refusedAsProblem(
        signedGet(botswana.bean(NodeKeys.class)), 403, "federation/not-secretariat");
  }

  /** Botswana's documents of the year as served to the secretariat's node, fetched by hand. */
  static List<StatisticsDocuments.Pulled> pulledByHand() {
    Answer a = signedGet(secretariatNode.bean(NodeKeys.class));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return StatisticsDocuments.pulledFromJson(a.body().getBytes(StandardCharsets.UTF_8));
  }

  /** A fetch of Botswana's documents of the year, signed with {@code keys}. */
  static Answer signedGet(NodeKeys keys) {
    String path = StatisticsPublishing.DOCUMENTS + "?year=" + year;
    String uri = "http://127.0.0.1:" + botswana.port + path;
    HttpMessageSignatures.Signed s =
        HttpMessageSignatures.sign("GET", uri, new byte[0], Instant.now(), keys.kid(), keys::sign);
    return botswana
        .anonymous()
        .exchange(
            "GET",
            path,
            null,
            "Content-Digest",
            s.contentDigest(),
            "Signature-Input",
            s.signatureInput(),
            "Signature",
            s.signature());
  }

  /** The document with its exports raised in the signed payload, the signature kept. */
  static StatisticsDocuments.Pulled tamper(StatisticsDocuments.Pulled p) {
    StatisticsDocuments.LoggedRecord r = StatisticsDocuments.recordFromJson(p.record());
    String jws = r.jws();
    int first = jws.indexOf('.');
    int second = jws.indexOf('.', first + 1);
    String payload =
        new String(
                SignedDocuments.fromBase64url(jws.substring(first + 1, second)),
                StandardCharsets.UTF_8)
            .replace("1350.40", "2350.40");
    String forged =
        jws.substring(0, first + 1)
            + SignedDocuments.base64url(payload.getBytes(StandardCharsets.UTF_8))
            + jws.substring(second);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("participant", r.participant().code());
    record.put("year", r.year());
    record.put("version", r.version());
    record.put("document", forged);
    return new StatisticsDocuments.Pulled(
        CanonicalJson.string(record), p.salt(), p.entry(), p.proof());
  }
}

package org.kimberlite.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.kimberlite.KimberliteApplication;
import org.kimberlite.federation.internal.ExchangeRepository;
import org.kimberlite.federation.internal.NodeKeys;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.support.Actors;
import org.kimberlite.support.Actors.Actor;
import org.kimberlite.support.Api;
import org.kimberlite.support.Api.Answer;
import org.kimberlite.support.PageSession;
import org.kimberlite.support.PostgresServer;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes in one JVM, each with its own H2 database (a file in its data folder; a PostgreSQL
 * database in {@link ExchangePostgresIT}), keys, log and port: Botswana's node (which also
 * publishes the directory, as the secretariat's would) and the EU's. Certificates issued in
 * Botswana to the EU travel to the EU's node, also when it was down at the time; tampered or
 * unlisted deliveries are refused and change nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExchangeH2IT {
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  static Node botswana;
  static Node eu;
  static Actor secretariat;
  static Actor authority;
  static Actor exporter;
  static Actor importer;
  static Actor euAuthority;

  /** A running node: its settings (to start it again) and its context. */
  static final class Node {
    final String id;
    final int port;
    final List<String> args;
    ConfigurableApplicationContext context;

    Node(String id, int port, List<String> args) {
      this.id = id;
      this.port = port;
      this.args = List.copyOf(args);
      this.context = KimberliteApplication.start(this.args.toArray(String[]::new));
    }

    Api anonymous() {
      return new Api("http://127.0.0.1:" + port);
    }

    Actor actor(OrganisationRole role, String country) {
      return new Actors(
              context.getBean(Organisations.class), context.getBean(Accounts.class), anonymous())
          .create(role, country);
    }

    <T> T bean(Class<T> type) {
      return context.getBean(type);
    }

    void stop() {
      context.close();
    }

    void start() {
      context = KimberliteApplication.start(args.toArray(String[]::new));
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Whether the nodes keep their data in PostgreSQL (ExchangePostgresIT) rather than H2. */
  static boolean postgres;

  static List<String> settings(String id, int port, String... more) {
    Path dir = Path.of("target", "it-exchange", RUN + (postgres ? "-pg" : ""), id).toAbsolutePath();
    List<String> args = new ArrayList<>();
    if (postgres) {
      // a database of its own for each node, on the test PostgreSQL
      PostgresServer pg = PostgresServer.get();
      args.add("--spring.datasource.url=" + pg.createDatabase());
      args.add("--spring.datasource.username=" + pg.user());
      args.add("--spring.datasource.password=" + pg.password());
    }
    args.add("--server.port=" + port);
    args.add("--management.server.port=0");
    args.add("--kimberlite.data-dir=" + dir);
    args.add("--kimberlite.web.public-url=http://127.0.0.1:" + port);
    args.add("--kimberlite.ledger.interval=50ms");
    args.add("--kimberlite.ledger.origin=" + id + ".example/log");
    args.add("--kimberlite.federation.exchange.node-id=" + id);
    args.add("--kimberlite.federation.exchange.node-key-file=" + dir.resolve("node.key"));
    args.add("--kimberlite.federation.exchange.send-interval=200ms");
    args.add("--kimberlite.federation.exchange.first-retry=200ms");
    args.add("--kimberlite.federation.exchange.max-retry=1s");
    args.add("--kimberlite.federation.exchange.fetch-interval=1h");
    args.add("--kimberlite.federation.exchange.timeout=2s");
    // a witness name of its own (the directory refuses two nodes with one) and submissions only
    // when a test asks
    args.add("--kimberlite.federation.witness-name=" + id + ".example/witness");
    args.add("--kimberlite.federation.submit-interval=1h");
    args.addAll(List.of(more));
    return args;
  }

  @BeforeAll
  static void twoNodes(TestInfo test) throws IOException {
    postgres = test.getTestClass().map(ExchangePostgresIT.class::equals).orElse(false);
    int bw = freePort();
    botswana =
        new Node(
            "botswana",
            bw,
            settings("botswana", bw, "--kimberlite.federation.exchange.publish-directory=true"));
    JsonNode bwNode = botswana.anonymous().get("/api/v1/federation/node").json();
    int euPort = freePort();
    eu =
        new Node(
            "eu",
            euPort,
            settings(
                "eu",
                euPort,
                "--kimberlite.federation.exchange.directory-url=http://127.0.0.1:" + bw,
                "--kimberlite.federation.exchange.directory-key="
                    + bwNode.get("trustListKey").asString()));
    // No peer is configured: each node witnesses the other's log as the directory lists it (FED-09
    // compares deliveries with it), and submits its checkpoints to the other's witness.
    JsonNode euNode = eu.anonymous().get("/api/v1/federation/node").json();

    secretariat = botswana.actor(OrganisationRole.KP_SECRETARIAT, "BE");
    publishAndFetch(List.of(listing(bwNode, "BW", "BW"), listing(euNode, "EU", "EU")));

    authority = botswana.actor(OrganisationRole.KP_AUTHORITY, "BW");
    exporter = botswana.actor(OrganisationRole.TRADER, "BW");
    importer = botswana.actor(OrganisationRole.TRADER, "BE");
    euAuthority = eu.actor(OrganisationRole.KP_AUTHORITY, "BE");
  }

  @AfterAll
  static void stop() {
    if (eu != null) {
      eu.stop();
    }
    if (botswana != null) {
      botswana.stop();
    }
  }

  /**
   * The secretariat publishes the next directory version listing {@code nodes} on Botswana's node,
   * and the EU's node fetches and takes it.
   */
  static void publishAndFetch(List<Map<String, Object>> nodes) {
    Answer published =
        secretariat.api().put("/api/v1/federation/directory", Map.of("nodes", nodes));
    assertThat(published.status()).as(published.body()).isEqualTo(201);
    assertThat(eu.bean(Directories.class).fetch())
        .get()
        .isInstanceOf(DirectoryDecision.Accepted.class);
  }

  static Map<String, Object> listing(JsonNode node, String operator, String participant) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", node.get("nodeId").asString());
    m.put("operator", operator);
    m.put("url", node.get("url").asString());
    m.put("logOrigin", node.get("logOrigin").asString());
    m.put("logVkey", node.get("logVkey").asString());
    m.put("trustListKey", node.get("trustListKey").asString());
    m.put("participants", List.of(participant));
    m.put("witnessVkey", node.get("witnessVkey").asString());
    Map<String, Object> key = new HashMap<>();
    key.put("kid", node.get("kid").asString());
    key.put("x", node.get("x").asString());
    key.put("from", "2020-01-01T00:00:00Z");
    key.put("revokedAt", null);
    m.put("keys", List.of(key));
    return m;
  }

  static String issue() {
    return issue(botswana, authority, exporter, importer, "1250.40");
  }

  /**
   * Issues on {@code node}, as {@code issuing}, a certificate of {@code carats} of Botswana's rough
   * from {@code from} to {@code to} in the EU, dated today; returns its number.
   */
  static String issue(Node node, Actor issuing, Actor from, Actor to, String carats) {
    LocalDate today = LocalDate.now(node.bean(java.time.Clock.class));
    Map<String, Object> body = new HashMap<>();
    body.put("exporter", from.id().toString());
    body.put("importer", to.id().toString());
    body.put("importingParticipant", "EU");
    body.put("origin", Map.of("kind", "single", "countries", List.of("BW")));
    body.put(
        "lines", List.of(Map.of("hsCode", "7102.31", "carats", carats, "valueUsd", "187560.00")));
    body.put("parcels", 3);
    body.put("sealId", "SEAL-000123");
    body.put("issuedOn", today.toString());
    body.put("expiresOn", today.plusDays(30).toString());
    Answer a = issuing.api().post("/api/v1/certificates", body);
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json().get("number").asString();
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
      Thread.sleep(100);
    }
  }

  /** The EU's imported carats this year in the EU node's public statistics (0 when none). */
  static BigDecimal euImports() {
    int year = LocalDate.now(eu.bean(java.time.Clock.class)).getYear();
    Answer a =
        euAuthority.api().get("/api/v1/statistics/participants/EU?from=" + year + "&to=" + year);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    for (JsonNode y : a.json()) {
      if (y.get("year").asInt() == year && y.get("imports") != null && !y.get("imports").isNull()) {
        return new BigDecimal(y.get("imports").get("carats").asString());
      }
    }
    return BigDecimal.ZERO;
  }

  static List<String> incomingNumbers() {
    Answer a = euAuthority.api().get("/api/v1/federation/incoming");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    List<String> numbers = new ArrayList<>();
    a.json().forEach(c -> numbers.add(c.get("number").asString()));
    return numbers;
  }

  static String incomingStatus(String number) {
    for (JsonNode c : euAuthority.api().get("/api/v1/federation/incoming").json()) {
      if (c.get("number").asString().equals(number)) {
        return c.get("status").asString();
      }
    }
    return "";
  }

  static OutboxEntry outboxEntry(String number) {
    return outbox(number).orElseThrow();
  }

  /** The outbox entry of {@code number}'s issue, once the listener has written it. */
  static java.util.Optional<OutboxEntry> outbox(String number) {
    return botswana.bean(ExchangeRepository.class).outbox(null, 500).stream()
        .filter(e -> e.number().equals(number) && e.kind() == DeliveryKind.ISSUED)
        .findFirst();
  }

  static boolean failedOnce(String number) {
    return outbox(number).map(e -> e.attempts() >= 1 && e.lastError() != null).orElse(false);
  }

  @Test
  @Order(1)
  void aCertificateIssuedInBotswanaToTheEuIsIncomingOnTheEuNodeAndSoIsItsCancellation()
      throws InterruptedException {
    String number = issue();
    await("the EU node to list " + number, () -> incomingNumbers().contains(number));
    JsonNode incoming = euAuthority.api().get("/api/v1/federation/incoming").json();
    JsonNode mine = null;
    for (JsonNode c : incoming) {
      if (c.get("number").asString().equals(number)) {
        mine = c;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.get("fromNode").asString()).isEqualTo("botswana");
    assertThat(mine.get("issuingParticipant").asString()).isEqualTo("BW");
    assertThat(mine.get("importingParticipant").asString()).isEqualTo("EU");
    assertThat(mine.get("status").asString()).isEqualTo("ISSUED");
    assertThat(mine.get("record").asString()).contains(number).contains("1250.40");

    Answer outbox = secretariat.api().get("/api/v1/federation/outbox");
    assertThat(outbox.status()).as(outbox.body()).isEqualTo(200);
    assertThat(outbox.body()).contains(number);
    assertThat(outboxEntry(number).deliveredAt()).isNotNull();
    assertThat(outboxEntry(number).targetNode()).isEqualTo("eu");
    // the outbox entry came through the event publication registry
    assertThat(
            botswana
                .bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql(
                    "select count(*) from event_publication where listener_id like '%OutboxListener%'")
                .query(Long.class)
                .single())
        .isPositive();

    // the cancellation travels the same way
    Answer cancelled =
        authority
            .api()
            .post("/api/v1/certificates/" + number + "/cancellation", Map.of("reason", "void"));
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    await(
        "the EU node to see " + number + " cancelled",
        () -> incomingStatus(number).equals("CANCELLED"));
    assertThat(incomingNumbers()).filteredOn(number::equals).hasSize(1);

    // a trader of the importing country reads no incoming certificates
    Actor trader = eu.actor(OrganisationRole.TRADER, "BE");
    assertThat(trader.api().get("/api/v1/federation/incoming").status()).isEqualTo(403);
  }

  @Test
  @Order(2)
  void whileTheEuNodeIsDownCertificatesWaitAndArriveOnceWhenItReturns()
      throws InterruptedException {
    eu.stop();
    String first = issue();
    String second = issue();
    await("a failed attempt to deliver " + first, () -> failedOnce(first));
    assertThat(outboxEntry(first).deliveredAt()).isNull();
    assertThat(outboxEntry(first).lastError()).contains("cannot reach");

    eu.start();
    await("both to arrive", () -> incomingNumbers().containsAll(List.of(first, second)));
    assertThat(incomingNumbers()).filteredOn(first::equals).hasSize(1);
    assertThat(incomingNumbers()).filteredOn(second::equals).hasSize(1);

    // The acknowledgement was lost: Botswana sends the same delivery again. The EU node answers
    // as before and keeps one certificate.
    ExchangeRepository bwOutbox = botswana.bean(ExchangeRepository.class);
    OutboxEntry entry = outboxEntry(first);
    byte[] body = botswana.bean(Exchange.class).body(entry).orElseThrow();
    Answer again = signedPost(body, body);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(incomingNumbers()).filteredOn(first::equals).hasSize(1);
    assertThat(bwOutbox.outbox(null, 500)).filteredOn(e -> e.number().equals(first)).hasSize(1);
  }

  /** Posts {@code sent} to the EU node with Botswana's signature over {@code signedBody}. */
  static Answer signedPost(byte[] signedBody, byte[] sent) {
    return signedPost(botswana, eu, signedBody, sent);
  }

  /**
   * Posts {@code sent} to node {@code to} with {@code from}'s signature over {@code signedBody}.
   */
  static Answer signedPost(Node from, Node to, byte[] signedBody, byte[] sent) {
    NodeKeys keys = from.bean(NodeKeys.class);
    String uri = "http://127.0.0.1:" + to.port + Exchange.DELIVERIES;
    HttpMessageSignatures.Signed s =
        HttpMessageSignatures.sign("POST", uri, signedBody, Instant.now(), keys.kid(), keys::sign);
    return post(to, s, sent);
  }

  static Answer post(HttpMessageSignatures.Signed s, byte[] sent) {
    return post(eu, s, sent);
  }

  static Answer post(Node to, HttpMessageSignatures.Signed s, byte[] sent) {
    return to.anonymous()
        .exchange(
            "POST",
            Exchange.DELIVERIES,
            new String(sent, StandardCharsets.UTF_8),
            "Content-Type",
            "application/json",
            "Content-Digest",
            s.contentDigest(),
            "Signature-Input",
            s.signatureInput(),
            "Signature",
            s.signature());
  }

  static void refusedAsProblem(Answer a, int status, String type) {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(a.json().get("type").asString()).as(a.body()).endsWith("/" + type);
  }

  /** A certificate issued while the EU node was down, and its delivery's body. */
  record HeldBack(String number, byte[] body) {}

  /**
   * Issues a certificate while the EU node is down and keeps Botswana's sender from delivering it
   * once the EU node is back: the test delivers its body by hand.
   */
  static HeldBack issuedWhileTheEuNodeIsDown() throws InterruptedException {
    eu.stop();
    String number = issue();
    await("a failed attempt to deliver " + number, () -> failedOnce(number));
    byte[] genuine = botswana.bean(Exchange.class).body(outboxEntry(number)).orElseThrow();
    botswana
        .bean(org.springframework.jdbc.core.simple.JdbcClient.class)
        .sql("update federation_outbox set delivered_at = next_attempt_at where number = :n")
        .param("n", number)
        .update();
    eu.start();
    return new HeldBack(number, genuine);
  }

  @Test
  @Order(3)
  void aDeliveryTamperedInFlightOrSignedByAnUnlistedNodeIsRefusedAndNothingIsStored()
      throws InterruptedException {
    HeldBack held = issuedWhileTheEuNodeIsDown();
    String number = held.number();
    byte[] genuine = held.body();
    List<String> before = incomingNumbers();

    byte[] tampered =
        new String(genuine, StandardCharsets.UTF_8)
            .replace("1250.40", "1350.40")
            .getBytes(StandardCharsets.UTF_8);
    // the body changed in flight under Botswana's signature: the digest is not the body's
    refusedAsProblem(signedPost(genuine, tampered), 400, "federation/content-digest");
    // the body changed and signed again by Botswana's node: the record is not the one it committed
    refusedAsProblem(signedPost(tampered, tampered), 422, "federation/proof");
    // signed by a node the directory does not list
    Fixtures.Key stranger = Fixtures.Key.of(55);
    String uri = "http://127.0.0.1:" + eu.port + Exchange.DELIVERIES;
    refusedAsProblem(
        post(
            HttpMessageSignatures.sign(
                "POST", uri, genuine, Instant.now(), stranger.kid(), stranger::sign),
            genuine),
        401,
        "federation/unlisted-node");
    // claiming Botswana's key id, signed with another key
    refusedAsProblem(
        post(
            HttpMessageSignatures.sign(
                "POST",
                uri,
                genuine,
                Instant.now(),
                botswana.bean(NodeKeys.class).kid(),
                stranger::sign),
            genuine),
        401,
        "federation/signature");
    // no signature at all
    refusedAsProblem(
        eu.anonymous().postRaw(Exchange.DELIVERIES, "application/json", "{}"),
        401,
        "federation/signature");
    assertThat(incomingNumbers()).isEqualTo(before).doesNotContain(number);

    // the genuine delivery still passes
    Answer genuineAnswer = signedPost(genuine, genuine);
    assertThat(genuineAnswer.status()).as(genuineAnswer.body()).isEqualTo(201);
    assertThat(incomingNumbers()).contains(number);
  }

  @Test
  @Order(4)
  void aDirectoryOlderThanTheOneHeldIsRefused() {
    Directories directories = eu.bean(Directories.class);
    String held = directories.currentJws().orElseThrow();
    // the secretariat publishes version 2; the EU node takes it; version 1 offered again is refused
    JsonNode bwNode = botswana.anonymous().get("/api/v1/federation/node").json();
    JsonNode euNode = eu.anonymous().get("/api/v1/federation/node").json();
    publishAndFetch(List.of(listing(bwNode, "BW", "BW"), listing(euNode, "EU", "EU")));
    assertThat(directories.current().orElseThrow().version()).isEqualTo(2);
    assertThat(directories.offer(held))
        .isInstanceOfSatisfying(
            DirectoryDecision.Refused.class,
            r -> assertThat(r.reason()).isEqualTo(DirectoryDecision.Reason.ROLLBACK));
    assertThat(directories.current().orElseThrow().version()).isEqualTo(2);
    // only the secretariat publishes, and only on the node that publishes
    assertThat(
            authority
                .api()
                .put("/api/v1/federation/directory", Map.of("nodes", List.of()))
                .status())
        .isEqualTo(403);
    Actor euSecretariat = eu.actor(OrganisationRole.KP_SECRETARIAT, "BE");
    refusedAsProblem(
        euSecretariat.api().put("/api/v1/federation/directory", Map.of("nodes", List.of())),
        409,
        "federation/not-publisher");
  }

  static Map<String, Object> confirmation(String number, int parcels) {
    Map<String, Object> body = new HashMap<>();
    body.put("parcels", parcels);
    body.put("carats", "1250.40");
    body.put("importer", importer.id().toString());
    body.put("exporter", exporter.id().toString());
    body.put("sealId", "SEAL-000123");
    body.put("receivedOn", LocalDate.now(eu.bean(java.time.Clock.class)).toString());
    return body;
  }

  /** The status of {@code number} on Botswana's node, as its issuing authority reads it. */
  static String exportStatus(String number) {
    Answer a = authority.api().get("/api/v1/certificates/" + number);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json().get("status").asString();
  }

  static long confirmedEvents(String number) {
    Answer h = authority.api().get("/api/v1/certificates/" + number + "/history");
    assertThat(h.status()).as(h.body()).isEqualTo(200);
    long n = 0;
    for (JsonNode e : h.json()) {
      if (e.get("status").asString().equals("CONFIRMED")) {
        n++;
      }
    }
    return n;
  }

  static java.util.Optional<OutboxEntry> euOutbox(String number, DeliveryKind kind) {
    return eu.bean(ExchangeRepository.class).outbox(null, 500).stream()
        .filter(e -> e.number().equals(number) && e.kind() == kind)
        .findFirst();
  }

  @Test
  @Order(5)
  void theEuAuthorityConfirmsOnItsNodeAndTheConfirmationTravelsBackSoBothNodesShowConfirmed()
      throws Exception {
    String number = issue();
    await("the EU node to list " + number, () -> incomingNumbers().contains(number));
    String path = "/api/v1/federation/incoming/" + number + "/confirmation";

    // as on a single node: only an authority, quoting the shipment in hand
    Actor euTrader = eu.actor(OrganisationRole.TRADER, "BE");
    assertThat(euTrader.api().post(path, confirmation(number, 3)).status()).isEqualTo(403);
    refusedAsProblem(euAuthority.api().post(path, confirmation(number, 2)), 422, "KP-07");
    assertThat(incomingStatus(number)).isEqualTo("ISSUED");
    // an authority of another participant does not see it
    Actor zaAuthority = eu.actor(OrganisationRole.KP_AUTHORITY, "ZA");
    assertThat(zaAuthority.api().post(path, confirmation(number, 3)).status()).isEqualTo(404);

    BigDecimal importsBefore = euImports();
    Answer confirmed = euAuthority.api().post(path, confirmation(number, 3));
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    // the EU node counts the shipment among the EU's imports, as for a certificate issued on it
    assertThat(euImports()).isEqualByComparingTo(importsBefore.add(new BigDecimal("1250.40")));
    assertThat(confirmed.json().get("certificate").get("status").asString()).isEqualTo("CONFIRMED");
    assertThat(confirmed.json().get("flags").size()).isZero();
    assertThat(incomingStatus(number)).isEqualTo("CONFIRMED");
    // the authority follows it in the browser too, in its language
    PageSession page =
        PageSession.signIn(eu.anonymous().base(), euAuthority.username(), euAuthority.password());
    HttpResponse<String> html = page.get("/console/federation/incoming", "fr");
    assertThat(html.statusCode()).isEqualTo(200);
    String row = html.body().substring(html.body().indexOf("data-number=\"" + number + "\""));
    assertThat(row.substring(0, row.indexOf("</tr>")))
        .contains(">botswana<", ">BW<", ">EU<", ">CONFIRMÉ<");
    assertThat(html.body()).contains("Certificats reçus d’autres nœuds");

    await(
        "Botswana's node to show " + number + " confirmed",
        () -> exportStatus(number).equals("CONFIRMED"));
    assertThat(confirmedEvents(number)).isEqualTo(1);
    OutboxEntry back = euOutbox(number, DeliveryKind.CONFIRMED).orElseThrow();
    assertThat(back.deliveredAt()).isNotNull();
    assertThat(back.targetNode()).isEqualTo("botswana");
    // the EU authority sees its confirmations in its node's outbox
    assertThat(euAuthority.api().get("/api/v1/federation/outbox").body()).contains(number);

    // confirmed once: a second confirmation is refused on the EU node (KP-07)
    refusedAsProblem(euAuthority.api().post(path, confirmation(number, 3)), 422, "KP-07");

    // the confirmation is replayed: the same delivery, then under another delivery id
    byte[] body = eu.bean(Exchange.class).body(back).orElseThrow();
    Answer again = signedPost(eu, botswana, body, body);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    byte[] otherId =
        new String(body, StandardCharsets.UTF_8)
            .replace(back.id().toString(), UUID.randomUUID().toString())
            .getBytes(StandardCharsets.UTF_8);
    Answer underOtherId = signedPost(eu, botswana, otherId, otherId);
    assertThat(underOtherId.status()).as(underOtherId.body()).isEqualTo(200);
    assertThat(confirmedEvents(number)).isEqualTo(1);
    assertThat(exportStatus(number)).isEqualTo("CONFIRMED");
  }

  @Test
  @Order(6)
  void aTamperedConfirmationIsRefusedAndChangesNothing() throws InterruptedException {
    String number = issue();
    await("the EU node to list " + number, () -> incomingNumbers().contains(number));
    // confirm on the EU node while Botswana's node is away, so that the test delivers it itself
    botswana.stop();
    Answer confirmed =
        euAuthority
            .api()
            .post(
                "/api/v1/federation/incoming/" + number + "/confirmation", confirmation(number, 3));
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    await(
        "a failed attempt to send the confirmation back",
        () ->
            euOutbox(number, DeliveryKind.CONFIRMED)
                .map(e -> e.attempts() >= 1 && e.lastError() != null)
                .orElse(false));
    OutboxEntry back = euOutbox(number, DeliveryKind.CONFIRMED).orElseThrow();
    byte[] genuine = eu.bean(Exchange.class).body(back).orElseThrow();
    eu.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
        .sql(
            "update federation_outbox set delivered_at = next_attempt_at"
                + " where number = :n and kind = 'CONFIRMED'")
        .param("n", number)
        .update();
    botswana.start();
    assertThat(exportStatus(number)).isEqualTo("ISSUED");

    String text = new String(genuine, StandardCharsets.UTF_8);
    // another date of receipt, signed again by the EU node: not the record committed in its log
    byte[] otherDate =
        text.replaceFirst("received \\d{4}-\\d{2}-\\d{2}", "received 2000-01-01")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(otherDate).isNotEqualTo(genuine);
    refusedAsProblem(signedPost(eu, botswana, otherDate, otherDate), 422, "federation/proof");
    // the confirmation signed by Botswana's own node key: it names the EU node as sender
    Answer wrongSender = signedPost(botswana, botswana, genuine, genuine);
    refusedAsProblem(wrongSender, 422, "federation/wrong-sender");
    assertThat(exportStatus(number)).isEqualTo("ISSUED");
    assertThat(confirmedEvents(number)).isZero();

    // the genuine one passes
    Answer genuineAnswer = signedPost(eu, botswana, genuine, genuine);
    assertThat(genuineAnswer.status()).as(genuineAnswer.body()).isEqualTo(201);
    assertThat(exportStatus(number)).isEqualTo("CONFIRMED");
  }

  @Test
  @Order(7)
  void aDeliveryProvedByACheckpointThatContradictsTheOneTheEuNodeCosignedIsASplitView()
      throws InterruptedException {
    HeldBack held = issuedWhileTheEuNodeIsDown();
    String number = held.number();
    byte[] genuine = held.body();
    Delivery d = DeliveryDocuments.fromJson(genuine);
    org.kimberlite.ledger.TlogProof proof = org.kimberlite.ledger.TlogProof.parse(d.proof());
    String note = proof.checkpointNote();
    org.kimberlite.ledger.Checkpoint proved =
        org.kimberlite.ledger.Checkpoint.parseBody(org.kimberlite.ledger.Notes.parse(note).text());
    String origin = proved.origin();
    long size = proved.size();
    // as if the EU node, witnessing Botswana's log, had cosigned another tree of that size
    var euDb = eu.bean(org.springframework.jdbc.core.simple.JdbcClient.class);
    euDb.sql(
            "insert into federation_witnessed (origin, tree_size, root_hash, note, cosigned_at)"
                + " values (:o, :s, :r, :n, :at)")
        .param("o", origin)
        .param("s", size)
        .param("r", java.util.Base64.getEncoder().encodeToString(new byte[32]))
        .param("n", note)
        .param("at", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
        .update();
    long before =
        eu.bean(org.kimberlite.federation.internal.FederationRepository.class).splitViewCount();
    refusedAsProblem(signedPost(genuine, genuine), 422, "federation/split-view");
    assertThat(incomingNumbers()).doesNotContain(number);
    assertThat(
            eu.bean(org.kimberlite.federation.internal.FederationRepository.class).splitViewCount())
        .isEqualTo(before + 1);
    Answer views = euAuthority.api().get("/api/v1/federation/split-views?size=5");
    assertThat(views.status()).as(views.body()).isEqualTo(200);
    assertThat(views.body()).contains("CONFLICTING_ROOTS").contains(number);

    // the same root as cosigned: accepted
    euDb.sql("update federation_witnessed set root_hash = :r where origin = :o")
        .param("r", java.util.Base64.getEncoder().encodeToString(proved.rootHash()))
        .param("o", origin)
        .update();
    Answer accepted = signedPost(genuine, genuine);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    euDb.sql("delete from federation_witnessed where origin = :o").param("o", origin).update();
  }

  /** The row of {@code number} in a page of incoming certificates, or empty when not listed. */
  static String row(String html, String number) {
    int at = html.indexOf("data-number=\"" + number + "\"");
    if (at < 0) {
      return "";
    }
    String rest = html.substring(at);
    return rest.substring(0, rest.indexOf("</tr>"));
  }

  @Test
  @Order(8)
  void theEuAuthorityConfirmsFromThePageAndOnlyItSeesTheFormAndIsHeard() throws Exception {
    String number = issue();
    await("the EU node to list " + number, () -> incomingNumbers().contains(number));
    String list = "/console/federation/incoming";
    String action = list + "/" + number + "/confirmation";
    String today = LocalDate.now(eu.bean(java.time.Clock.class)).toString();
    String shipment = "carats=1250.40&sealId=SEAL-000123&receivedOn=" + today;
    PageSession page =
        PageSession.signIn(eu.anonymous().base(), euAuthority.username(), euAuthority.password());

    // the importing authority sees a confirm form on the row, with the CSRF token
    String form = row(page.get(list, "en").body(), number);
    assertThat(form)
        .contains("action=\"" + action + "\"")
        .contains("name=\"_csrf\"")
        .contains("name=\"parcels\"", "name=\"carats\"", "name=\"sealId\"")
        .contains("name=\"receivedOn\"", "value=\"" + today + "\"");

    // a shipment that does not match: back to the list, the refusal explained with its rule
    HttpResponse<String> refused = page.post(action, "parcels=2&" + shipment);
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith(list);
    String told = page.get(list, "en").body();
    assertThat(told)
        .contains("The confirmation of " + number + " is refused and nothing changed")
        .contains("href=\"/problems/KP-07\"")
        .contains("2 parcels received, the certificate says 3");
    assertThat(page.get(list, "en").body()).as("said once").doesNotContain("is refused");
    assertThat(incomingStatus(number)).isEqualTo("ISSUED");

    // a user of another authority of the same node: no row, no form, and refused when it posts
    Actor zaAuthority = eu.actor(OrganisationRole.KP_AUTHORITY, "ZA");
    PageSession za =
        PageSession.signIn(eu.anonymous().base(), zaAuthority.username(), zaAuthority.password());
    String zaList = za.get(list, "en").body();
    assertThat(row(zaList, number)).isEmpty();
    assertThat(zaList).doesNotContain(action);
    assertThat(za.post(action, "parcels=3&" + shipment).statusCode()).isEqualTo(404);
    // the secretariat reads the list but confirms nothing: no form, and 403 as by the API
    Actor euSecretariat = eu.actor(OrganisationRole.KP_SECRETARIAT, "BE");
    PageSession sec =
        PageSession.signIn(
            eu.anonymous().base(), euSecretariat.username(), euSecretariat.password());
    String secRow = row(sec.get(list, "en").body(), number);
    assertThat(secRow).contains(">ISSUED<").doesNotContain(action);
    assertThat(sec.post(action, "parcels=3&" + shipment).statusCode()).isEqualTo(403);
    assertThat(incomingStatus(number)).isEqualTo("ISSUED");

    // the shipment as certified: confirmed, said in the reader's language
    HttpResponse<String> confirmed = page.post(action, "parcels=3&" + shipment);
    assertThat(confirmed.statusCode()).isEqualTo(302);
    String fr = page.get(list, "fr").body();
    assertThat(fr).contains(number + " est confirmé, reçu le ");
    assertThat(row(fr, number)).contains(">CONFIRMÉ<").doesNotContain(action);
    assertThat(incomingStatus(number)).isEqualTo("CONFIRMED");
    await(
        "Botswana's node to show " + number + " confirmed",
        () -> exportStatus(number).equals("CONFIRMED"));
    assertThat(confirmedEvents(number)).isEqualTo(1);

    // a second press (a page left open): told it was confirmed already; nothing changes
    HttpResponse<String> again = page.post(action, "parcels=3&" + shipment);
    assertThat(again.statusCode()).isEqualTo(302);
    String already = page.get(list, "en").body();
    assertThat(already)
        .contains(number + " was confirmed already (received on ")
        .contains("nothing changed")
        .contains("href=\"/problems/KP-07\"");
    assertThat(incomingStatus(number)).isEqualTo("CONFIRMED");
    assertThat(euOutbox(number, DeliveryKind.CONFIRMED)).isPresent();
    assertThat(
            eu.bean(ExchangeRepository.class).outbox(null, 500).stream()
                .filter(e -> e.number().equals(number) && e.kind() == DeliveryKind.CONFIRMED)
                .count())
        .isEqualTo(1);
    assertThat(confirmedEvents(number)).isEqualTo(1);
  }

  @Test
  @Order(9)
  void eachNodeSubmitsToTheWitnessTheDirectoryNamesAndItsPublicPageShowsWhoCosigned()
      throws Exception {
    // rounds of submission as the scheduled job runs them
    assertThat(botswana.bean(Submitting.class).submitAll())
        .singleElement()
        .satisfies(sub -> assertThat(sub.error()).isNull());
    assertThat(eu.bean(Submitting.class).submitAll())
        .singleElement()
        .satisfies(sub -> assertThat(sub.error()).isNull());
    String witnessOfEu = "eu.example/witness";
    String witnessOfBotswana = "botswana.example/witness";
    assertThat(botswana.anonymous().get("/log/checkpoint").body())
        .contains("\u2014 " + witnessOfEu + " ");

    // the public page, no sign-in: this node, its checkpoint with each cosignature and the node
    // whose
    // witness made it (verified with the key the directory names), and the log it witnesses
    for (Node node : List.of(botswana, eu)) {
      Node other = node == botswana ? eu : botswana;
      String otherWitness = node == botswana ? witnessOfEu : witnessOfBotswana;
      Answer page = node.anonymous().getPage("/federation");
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      String html = page.body();
      assertThat(html)
          .contains("<dd id=\"node-id\">" + node.id + "</dd>")
          .contains("<dd id=\"checkpoint-origin\">" + node.id + ".example/log</dd>")
          .doesNotContain("id=\"refused\"");
      String cosignature = html.substring(html.indexOf("data-witness=\"" + otherWitness));
      assertThat(cosignature.substring(0, cosignature.indexOf("</tr>")))
          .contains("data-peer=\"" + other.id + "\"")
          .contains("<td>" + other.id + "</td>")
          .contains("the directory");
      String witnessed = html.substring(html.indexOf("id=\"witnessed-logs\""));
      assertThat(witnessed.substring(0, witnessed.indexOf("</table>")))
          .contains("<td>" + other.id + ".example/log</td>")
          .doesNotContain("not yet");
    }
    assertThat(botswana.anonymous().getPage("/federation").body())
        .contains("<dd id=\"node-participants\">BW</dd>");
  }

  @Test
  @Order(10)
  void aNodeTheNewDirectoryNoLongerListsIsNeitherWitnessedNorSubmittedTo() {
    JsonNode bwNode = botswana.anonymous().get("/api/v1/federation/node").json();
    publishAndFetch(List.of(listing(bwNode, "BW", "BW")));
    // no restart: Botswana's node, which holds the new directory, asks no witness any more
    Submitting submitting = botswana.bean(Submitting.class);
    assertThat(submitting.enabled()).isFalse();
    assertThat(submitting.submitAll()).isEmpty();
    // and no longer witnesses the EU's log
    assertThat(botswana.anonymous().get("/api/v1/federation/witness").json().get("logs")).isEmpty();
    String checkpoint = eu.anonymous().get("/log/checkpoint").body();
    refusedAsProblem(
        botswana.anonymous().postRaw("/add-checkpoint", "text/plain", "old 0\n\n" + checkpoint),
        404,
        "federation/unknown-log");
    assertThat(botswana.anonymous().getPage("/federation").body())
        .contains("id=\"none-witnessed\"");
    // the EU's node goes by the same directory, where Botswana's node is still listed, so it
    // still witnesses Botswana's log; it is no longer listed itself
    assertThat(eu.anonymous().get("/api/v1/federation/witness").json().get("logs"))
        .singleElement()
        .satisfies(l -> assertThat(l.get("name").asString()).isEqualTo("botswana"));
    assertThat(eu.anonymous().getPage("/federation").body()).contains("id=\"unlisted\"");
  }
}

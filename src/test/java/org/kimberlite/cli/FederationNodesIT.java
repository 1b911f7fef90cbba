package org.kimberlite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kimberlite.federation.AddCheckpointRequest;
import org.kimberlite.federation.Exchange;
import org.kimberlite.federation.HttpMessageSignatures;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.NoteSigner;
import org.kimberlite.registry.Jwk;
import org.kimberlite.support.Api;
import org.kimberlite.support.Browsers;
import org.kimberlite.support.ChildServer;
import org.kimberlite.support.PostgresServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * Three nodes of a federation as child processes, as {@code ./kimberlite federation-demo} runs them
 * (the secretariat's, Botswana's and the EU's, each with its own database, keys and log, witnessing
 * the two others), on H2 and on PostgreSQL. A certificate issued in Botswana arrives incoming on
 * the EU's node with the very record Botswana committed, and once the EU's authority confirms it
 * there both nodes show it confirmed; certificates issued while the EU's node is killed all arrive
 * once it is back, none twice; a delivery changed in flight, or signed by a key the directory does
 * not list, is refused; and a checkpoint of Botswana's log that contradicts the one a witness
 * cosigned (signed with Botswana's log key, which the test holds) is caught by both witnesses and
 * kept as evidence.
 *
 * <p>Botswana reaches the EU's node through a relay in this JVM, which the directory lists as the
 * EU's URL: it passes deliveries on, or changes their bodies on the way when told to.
 */
class FederationNodesIT {
  private static final FederationDemoNode.Pace FAST =
      new FederationDemoNode.Pace(
          Duration.ofSeconds(2),
          Duration.ofSeconds(1),
          Duration.ofMillis(500),
          Duration.ofSeconds(2));

  @TempDir Path dir;

  @Test
  void threeNodesOnTheEmbeddedDatabase() throws Exception {
    walk(Map.of(), Map.of(), true);
  }

  @Test
  void threeNodesOnPostgres() throws Exception {
    PostgresServer pg = PostgresServer.get();
    Map<String, List<String>> args = new HashMap<>();
    for (String id : List.of("secretariat", "botswana", "eu")) {
      args.put(id, List.of("--db-url=" + pg.createDatabase()));
    }
    walk(args, pg.environment(), false);
  }

  /** The relay between Botswana and the EU's node. */
  static final class Relay implements AutoCloseable {
    final HttpServer server;
    final String target;
    final AtomicBoolean tamper = new AtomicBoolean();

    /** The body of the last delivery passed on unchanged. */
    final AtomicReference<byte[]> lastBody = new AtomicReference<>(new byte[0]);

    final List<String> answers = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();

    Relay(String target) throws IOException {
      this.target = target;
      this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", this::pass);
      server.start();
    }

    String base() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void pass(HttpExchange ex) throws IOException {
      byte[] body = ex.getRequestBody().readAllBytes();
      if (tamper.get()) {
        body =
            new String(body, StandardCharsets.UTF_8)
                .replace("1250.40", "1350.40")
                .getBytes(StandardCharsets.UTF_8);
      } else if ("POST".equals(ex.getRequestMethod())
          && ex.getRequestURI().getPath().equals(Exchange.DELIVERIES)) {
        // the last delivery passed on unchanged (the secretariat's node also reads the EU's
        // statistics documents through this address, with GET requests of no body)
        lastBody.set(body);
      }
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(target + ex.getRequestURI()))
              .timeout(Duration.ofSeconds(10))
              .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      for (String h : List.of("Content-Type", "Content-Digest", "Signature-Input", "Signature")) {
        String v = ex.getRequestHeaders().getFirst(h);
        if (v != null) {
          b.header(h, v);
        }
      }
      int status;
      byte[] answer;
      String type = "text/plain";
      try {
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        status = r.statusCode();
        answer = r.body();
        type = r.headers().firstValue("Content-Type").orElse(type);
      } catch (IOException down) {
        status = 502;
        answer = "the node is down".getBytes(StandardCharsets.UTF_8);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        status = 502;
        answer = new byte[0];
      }
      answers.add(status + " " + new String(answer, StandardCharsets.UTF_8));
      ex.getResponseHeaders().set("Content-Type", type);
      ex.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
      ex.getResponseBody().write(answer);
      ex.close();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  /**
   * The walk; with {@code inTheBrowser} (and Chromium installed) a person follows it in a browser:
   * the EU's authority confirms on its node's page of incoming certificates, Botswana's authority
   * sees the certificate confirmed on its node, the secretariat reads the global figures on its
   * node, and Botswana's public page names the two other nodes whose witnesses cosigned its
   * checkpoint.
   */
  private void walk(
      Map<String, List<String>> dbArgs, Map<String, String> dbEnv, boolean inTheBrowser)
      throws Exception {
    boolean browserInstalled =
        java.nio.file.Files.isExecutable(Browsers.CHROMIUM)
            && java.nio.file.Files.isExecutable(Browsers.CHROMEDRIVER);
    if (inTheBrowser && !browserInstalled) {
      System.out.println(
          "FederationNodesIT: Chromium is not installed; the walk is followed through the API only");
    }
    WebDriver browser = inTheBrowser && browserInstalled ? Browsers.headless(1280, 1000) : null;
    try {
      walk(dbArgs, dbEnv, browser);
    } finally {
      if (browser != null) {
        browser.quit();
      }
    }
  }

  /** Signs {@code browser} in on {@code node} as one of its demo accounts, through the form. */
  private static void signIn(WebDriver browser, FederationDemoNode node, String username)
      throws IOException {
    BenchHttp http = FederationWalk.client(node);
    browser.manage().deleteAllCookies();
    browser.get(node.base() + "/login?lang=en");
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(http.password(username));
    browser.findElement(By.id("sign-in")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> !d.findElements(By.cssSelector("[data-testid=signed-in-as]")).isEmpty());
  }

  /** Loads {@code url} until {@code css} is on it (the nodes catch up in the background). */
  private static WebElement awaitOnPage(WebDriver browser, String url, String css)
      throws IOException, InterruptedException {
    return FederationWalk.await(
        css + " on " + url,
        () -> {
          browser.get(url);
          List<WebElement> found = browser.findElements(By.cssSelector(css));
          return found.isEmpty() ? null : found.getFirst();
        });
  }

  private void walk(
      Map<String, List<String>> dbArgs, Map<String, String> dbEnv, @Nullable WebDriver browser)
      throws Exception {
    List<FederationDemoNode> nodes =
        FederationDemoCommand.create(
            dir, List.of(ChildServer.freePort(), ChildServer.freePort(), ChildServer.freePort()));
    FederationDemoNode secretariat = nodes.get(0);
    FederationDemoNode botswana = nodes.get(1);
    FederationDemoNode eu = nodes.get(2);
    Map<String, List<String>> args = new HashMap<>();
    List<ChildServer> children = new ArrayList<>();
    try (Relay relay = new Relay(eu.base())) {
      // The secretariat's node first: the others need its directory key.
      children.add(start(secretariat, nodes, null, dbArgs, dbEnv, args));
      ready(children.get(0), secretariat);
      String directoryKey = FederationWalk.directoryKey(secretariat);
      ChildServer bw = start(botswana, nodes, directoryKey, dbArgs, dbEnv, args);
      children.add(bw);
      ChildServer euChild = start(eu, nodes, directoryKey, dbArgs, dbEnv, args);
      children.add(euChild);
      ready(bw, botswana);
      ready(euChild, eu);

      String jws = FederationWalk.publishDirectory(secretariat, nodes, Map.of("eu", relay.base()));
      FederationWalk.awaitDirectory(botswana, jws);
      FederationWalk.awaitDirectory(eu, jws);

      // Issued in Botswana, incoming in the EU with the record Botswana committed.
      String first = FederationWalk.issue(botswana, "EU", "1250.40");
      JsonNode incoming = FederationWalk.awaitIncoming(eu, first);
      assertThat(incoming.path("fromNode").asString()).isEqualTo("botswana");
      assertThat(incoming.path("status").asString()).isEqualTo("ISSUED");
      BenchHttp bwHttp = FederationWalk.client(botswana);
      JsonNode issued =
          BenchHttp.JSON.readTree(
              bwHttp
                  .get(
                      bwHttp.http(),
                      "/api/v1/certificates/" + first,
                      bwHttp.token(FederationWalk.EXPORTING_AUTHORITY))
                  .body());
      JsonNode record = BenchHttp.JSON.readTree(incoming.path("record").asString());
      assertThat(record.path("number").asString()).isEqualTo(first);
      assertThat(record.path("signature").asString())
          .isNotEmpty()
          .isEqualTo(issued.path("signature").asString());
      assertThat(incoming.path("record").asString()).contains("1250.40");
      // The EU's authority confirms it on its node; the confirmation goes back: both show it.
      if (browser == null) {
        FederationWalk.confirm(eu, incoming);
      } else {
        // In the browser: the EU's authority opens its node's incoming certificates and confirms
        // the receipt with what it has in hand (the date of receipt is today by default).
        signIn(browser, eu, FederationWalk.IMPORTING_AUTHORITY);
        browser.get(eu.base() + "/console/federation/incoming?lang=en");
        WebElement row =
            browser.findElement(By.cssSelector("#incoming tr[data-number='" + first + "']"));
        row.findElement(By.tagName("summary")).click();
        row.findElement(By.name("parcels")).sendKeys(record.path("parcels").asString());
        row.findElement(By.name("carats")).sendKeys(record.path("carats").asString());
        row.findElement(By.name("sealId")).sendKeys(record.path("sealId").asString());
        row.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement outcome =
            new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.findElement(By.cssSelector("#outcome[role=status]")));
        assertThat(outcome.getText()).contains(first);
        assertThat(
                browser
                    .findElement(
                        By.cssSelector("#incoming tr[data-number='" + first + "'] .status"))
                    .getText())
            .isEqualTo("CONFIRMED");
      }
      FederationWalk.awaitStatus(botswana, first, "CONFIRMED");
      if (browser != null) {
        // Botswana's authority sees the confirmation that came back, on its own node.
        signIn(browser, botswana, FederationWalk.EXPORTING_AUTHORITY);
        browser.get(botswana.base() + "/console/certificates/" + first + "?lang=en");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("CONFIRMED");
      }
      assertThat(FederationWalk.awaitIncoming(eu, first).path("status").asString())
          .isEqualTo("CONFIRMED");
      // The secretariat's node assembles the global figures from the two nodes' signed statistics
      // documents: Botswana's export from its node, the EU's import from the EU's node.
      JsonNode figures =
          FederationWalk.awaitGlobalFigures(secretariat, "BW", "EU", new BigDecimal("1250.40"));
      assertThat(FederationWalk.carats(figures, "BW", "exports"))
          .isEqualByComparingTo(new BigDecimal("1250.40"));
      assertThat(FederationWalk.carats(figures, "EU", "imports"))
          .isEqualByComparingTo(new BigDecimal("1250.40"));
      if (browser != null) {
        // The secretariat reads the same figures on its node's page.
        signIn(browser, secretariat, FederationWalk.SECRETARIAT);
        browser.get(secretariat.base() + "/console/federation/statistics?lang=en");
        assertThat(
                browser.findElement(By.cssSelector("#figures tr[data-participant=BW]")).getText())
            .contains("1,250.40");
        assertThat(
                browser.findElement(By.cssSelector("#figures tr[data-participant=EU]")).getText())
            .contains("1,250.40");
      }

      // The EU's node is killed; what Botswana issues meanwhile waits, and arrives once, later.
      euChild.kill();
      List<String> meanwhile = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        meanwhile.add(FederationWalk.issue(botswana, "EU", "1250.40"));
      }
      FederationWalk.await(
          "Botswana to fail delivering " + meanwhile,
          () -> {
            for (String n : meanwhile) {
              if (!failed(botswana, n)) {
                return null;
              }
            }
            return Boolean.TRUE;
          });
      euChild = restart(eu, dbEnv, args);
      children.set(2, euChild);
      ready(euChild, eu);
      for (String n : meanwhile) {
        FederationWalk.awaitIncoming(eu, n);
      }
      List<String> numbers = numbers(FederationWalk.incoming(eu));
      assertThat(numbers).hasSize(4).doesNotHaveDuplicates();
      assertThat(numbers).containsExactlyInAnyOrderElementsOf(with(first, meanwhile));

      // Changed on the way: refused by the EU's node, kept failing by Botswana, until it passes.
      relay.tamper.set(true);
      String tampered = FederationWalk.issue(botswana, "EU", "1250.40");
      FederationWalk.await(
          "the EU's node to refuse the changed delivery of " + tampered,
          () ->
              relay.answers.stream().anyMatch(a -> a.contains("federation/content-digest"))
                      && failed(botswana, tampered)
                  ? Boolean.TRUE
                  : null);
      assertThat(numbers(FederationWalk.incoming(eu))).doesNotContain(tampered);
      relay.tamper.set(false);
      JsonNode arrived = FederationWalk.awaitIncoming(eu, tampered);
      assertThat(arrived.path("record").asString()).contains("1250.40").doesNotContain("1350.40");

      // Signed by a node the directory does not list: refused, nothing kept.
      byte[] genuine = relay.lastBody.get();
      NoteSigner stranger = NoteSigner.generate("stranger");
      HttpMessageSignatures.Signed signed =
          HttpMessageSignatures.sign(
              "POST",
              relay.base() + Exchange.DELIVERIES,
              genuine,
              Clock.systemUTC().instant(),
              Jwk.thumbprint(stranger.publicKey()),
              stranger::sign);
      Api.Answer unlisted =
          new Api(relay.base())
              .exchange(
                  "POST",
                  Exchange.DELIVERIES,
                  new String(genuine, StandardCharsets.UTF_8),
                  "Content-Type",
                  "application/json",
                  "Content-Digest",
                  signed.contentDigest(),
                  "Signature-Input",
                  signed.signatureInput(),
                  "Signature",
                  signed.signature());
      assertThat(unlisted.status()).as(unlisted.body()).isEqualTo(401);
      assertThat(unlisted.json().get("type").asString()).endsWith("/federation/unlisted-node");
      assertThat(numbers(FederationWalk.incoming(eu))).hasSize(5).doesNotHaveDuplicates();

      // Botswana's log shows each witness a checkpoint that contradicts the one it cosigned.
      FederationWalk.awaitCosigned(botswana, List.of(secretariat.witnessName(), eu.witnessName()));
      if (browser != null) {
        // Anyone can see on Botswana's public page which nodes' witnesses cosigned its checkpoint.
        browser.manage().deleteAllCookies();
        awaitOnPage(
            browser, botswana.base() + "/federation?lang=en", "#cosignatures tr[data-peer=eu]");
        assertThat(
                browser.findElements(By.cssSelector("#cosignatures tr[data-peer]")).stream()
                    .map(e -> e.getDomAttribute("data-peer"))
                    .toList())
            .contains("secretariat", "eu");
      }
      for (FederationDemoNode witness : List.of(secretariat, eu)) {
        Api.Answer caught = splitView(witness, NoteSigner.parse(botswana.logKey()));
        assertThat(caught.status()).as(caught.body()).isEqualTo(422);
        assertThat(caught.json().get("type").asString()).endsWith("/federation/split-view");
        BenchHttp w = FederationWalk.client(witness);
        String operator =
            witness.id().equals("eu")
                ? FederationWalk.IMPORTING_AUTHORITY
                : FederationWalk.SECRETARIAT;
        JsonNode evidence =
            BenchHttp.JSON.readTree(
                w.get(w.http(), "/api/v1/federation/split-views", w.token(operator)).body());
        assertThat(evidence).isNotEmpty();
        assertThat(evidence.get(0).path("origin").asString()).isEqualTo(botswana.origin());
        assertThat(evidence.get(0).path("kind").asString()).isEqualTo("CONFLICTING_ROOTS");
      }
    } finally {
      for (ChildServer c : children) {
        c.close();
      }
    }
  }

  /**
   * Shows {@code witness} a checkpoint of the size it cosigned last with another root, signed with
   * the log's key: the first answer (409) names that size.
   */
  private static Api.Answer splitView(FederationDemoNode witness, NoteSigner logKey)
      throws InterruptedException {
    Api api = new Api(witness.base());
    byte[] root = new byte[32];
    new SecureRandom().nextBytes(root);
    long size = 1;
    for (int attempt = 0; attempt < 10; attempt++) {
      String note = new Checkpoint(logKey.name(), size, root).sign(logKey);
      Api.Answer a =
          api.postRaw(
              "/add-checkpoint", "text/plain", AddCheckpointRequest.format(size, List.of(), note));
      if (a.status() != 409) {
        return a;
      }
      size = Long.parseLong(a.body().strip()); // the size it cosigned last; may have moved on
    }
    throw new IllegalStateException("The witness kept moving");
  }

  /**
   * Waits for a child to serve, with its accounts written; a slow start (the machine shared with
   * other builds) is waited for as long as the child lives, up to ten minutes.
   */
  private static void ready(ChildServer child, FederationDemoNode node)
      throws IOException, InterruptedException {
    for (int round = 0; ; round++) {
      try {
        child.awaitReady(node.dataDir().resolve(DemoCommand.ACCOUNTS_FILE));
        return;
      } catch (IllegalStateException slow) {
        if (!child.process().isAlive() || round == 4) {
          throw slow;
        }
      }
    }
  }

  private ChildServer start(
      FederationDemoNode node,
      List<FederationDemoNode> nodes,
      String directoryKey,
      Map<String, List<String>> dbArgs,
      Map<String, String> dbEnv,
      Map<String, List<String>> args)
      throws IOException {
    List<String> a = new ArrayList<>(dbArgs.getOrDefault(node.id(), List.of()));
    a.addAll(node.settings(nodes.get(0), directoryKey, FAST));
    args.put(node.id(), a);
    return restart(node, dbEnv, args);
  }

  private static ChildServer restart(
      FederationDemoNode node, Map<String, String> dbEnv, Map<String, List<String>> args)
      throws IOException {
    Map<String, String> env = new HashMap<>(dbEnv);
    env.putAll(node.environment());
    return ChildServer.start(
        "federation-node", node.dataDir(), node.port(), args.get(node.id()), env);
  }

  /** Whether Botswana's outbox shows a failed attempt to deliver {@code number}. */
  private static boolean failed(FederationDemoNode botswana, String number)
      throws IOException, InterruptedException {
    BenchHttp http = FederationWalk.client(botswana);
    JsonNode outbox =
        BenchHttp.JSON.readTree(
            http.get(
                    http.http(),
                    "/api/v1/federation/outbox?limit=500",
                    http.token(FederationWalk.EXPORTING_AUTHORITY))
                .body());
    for (JsonNode e : outbox) {
      if (e.path("number").asString().equals(number)
          && e.path("attempts").asInt() >= 1
          && e.path("deliveredAt").isNull()) {
        return true;
      }
    }
    return false;
  }

  private static List<String> numbers(JsonNode incoming) {
    List<String> out = new ArrayList<>();
    incoming.forEach(c -> out.add(c.path("number").asString()));
    return out;
  }

  private static List<String> with(String first, List<String> more) {
    List<String> out = new ArrayList<>(more);
    out.add(first);
    return out;
  }
}

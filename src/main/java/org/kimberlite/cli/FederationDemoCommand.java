package org.kimberlite.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.keys.SecretFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Three nodes of a federation on this machine, each a child process with its own port, data folder,
 * database, keys and log: the KP secretariat's (which publishes the directory), Botswana's KP
 * authority's (the exporter) and the European Union's (the importer). Each witnesses the two
 * others' logs, as the directory lists them. The command publishes the directory, walks a
 * certificate from Botswana to the EU and prints where to follow it; Ctrl-C stops the three nodes
 * (docs/federation.md).
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "federation-demo",
    description =
        "Start three federation nodes on this machine (the KP secretariat, Botswana's and the"
            + " EU's KP authorities) and walk a certificate from Botswana to the EU.")
final class FederationDemoCommand implements Callable<Integer> {
  /** The carats of the certificate the demo walks across the nodes. */
  static final String CARATS = "1250.40";

  static final String KEYS_FILE = "demo-keys.json";
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final Duration START_PATIENCE = Duration.ofMinutes(5);

  @Option(
      names = "--port",
      description = "Port of the first node; the others take the next two (default: 8081).")
  int port = 8081;

  @Option(
      names = "--data-dir",
      description =
          "Folder of the three nodes' data folders and their demo keys (default:"
              + " ./data/federation). Kept between runs on H2.")
  Path dataDir = Path.of("data", "federation");

  @Option(
      names = "--database",
      description =
          "h2 (default: an embedded database in each node's folder) or postgres (a throwaway"
              + " PostgreSQL cluster from /usr/lib/postgresql with a database per node; the run"
              + " starts afresh and leaves nothing behind).")
  String database = "h2";

  private final List<ChaosProcesses.Server> running = new CopyOnWriteArrayList<>();
  private ChaosProcesses.@Nullable Postgres postgres;
  private @Nullable Path throwaway;
  private volatile boolean stopping;

  /**
   * The three nodes with new keys, on {@code ports} (secretariat, Botswana, EU), under {@code
   * root}.
   */
  static List<FederationDemoNode> create(Path root, List<Integer> ports) {
    return List.of(
        FederationDemoNode.create(
            "secretariat",
            "secretariat",
            List.of(),
            "KP secretariat",
            ports.get(0),
            root.resolve("secretariat")),
        FederationDemoNode.create(
            "botswana",
            "BW",
            List.of("BW"),
            "KP authority of Botswana",
            ports.get(1),
            root.resolve("botswana")),
        FederationDemoNode.create(
            "eu",
            "EU",
            List.of("EU"),
            "KP authority of the European Union",
            ports.get(2),
            root.resolve("eu")));
  }

  /** The nodes with the keys {@code keys} kept for them on an earlier run, if any. */
  private static List<FederationDemoNode> withKeptKeys(
      List<FederationDemoNode> made, JsonNode keys) {
    List<FederationDemoNode> out = new ArrayList<>();
    for (FederationDemoNode n : made) {
      JsonNode kept = keys.path("nodes").path(n.id());
      out.add(
          kept.isObject()
              ? new FederationDemoNode(
                  n.id(),
                  n.operator(),
                  n.participants(),
                  n.title(),
                  n.port(),
                  n.dataDir(),
                  kept.path("logKey").asString(),
                  kept.path("witnessKey").asString())
              : n);
    }
    return out;
  }

  @Override
  public Integer call() throws Exception {
    boolean pg = ChaosProcesses.postgres(database, this);
    Path root = pg ? Files.createTempDirectory("kimberlite-federation-") : dataDir;
    throwaway = pg ? root : null;
    Files.createDirectories(root);
    Path keysFile = root.resolve(KEYS_FILE);
    JsonNode keys =
        Files.exists(keysFile) ? JSON.readTree(keysFile.toFile()) : JSON.createObjectNode();
    List<FederationDemoNode> nodes =
        withKeptKeys(create(root, List.of(port, port + 1, port + 2)), keys);
    FederationDemoNode secretariat = nodes.get(0);
    FederationDemoNode botswana = nodes.get(1);
    FederationDemoNode eu = nodes.get(2);
    String directoryKey = keys.path("directoryKey").asString("");
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "federation-demo-stop"));

    Map<String, List<String>> dbArgs = new HashMap<>();
    Map<String, String> dbEnv = new HashMap<>();
    for (FederationDemoNode n : nodes) {
      dbArgs.put(n.id(), List.of());
    }
    if (pg) {
      System.out.println("Starting a throwaway PostgreSQL cluster ...");
      ChaosProcesses.Postgres cluster =
          ChaosProcesses.Postgres.create(Files.createTempDirectory("kimberlite-federation-pg-"));
      postgres = cluster;
      dbEnv.putAll(cluster.environment());
      for (FederationDemoNode n : nodes) {
        cluster.createDatabase("federation_" + n.id());
        dbArgs.put(n.id(), List.of("--db-url=" + cluster.url("federation_" + n.id())));
      }
    }

    System.out.printf(
        Locale.ROOT,
        "Starting three federation nodes on %s (data in %s; each node's log in its folder) ...%n",
        pg ? "PostgreSQL" : "H2",
        root.toAbsolutePath().normalize());
    // The other nodes need the secretariat node's directory key, made on its first start.
    if (directoryKey.isEmpty()) {
      start(secretariat, nodes, null, dbArgs, dbEnv);
      awaitStarted();
      directoryKey = FederationWalk.directoryKey(secretariat);
    }
    for (FederationDemoNode n : nodes) {
      if (running.stream().noneMatch(s -> s.base().equals(n.base()))) {
        start(n, nodes, directoryKey, dbArgs, dbEnv);
      }
    }
    awaitStarted();
    save(keysFile, nodes, directoryKey);

    String jws = FederationWalk.publishDirectory(secretariat, nodes, Map.of());
    FederationWalk.awaitDirectory(botswana, jws);
    FederationWalk.awaitDirectory(eu, jws);
    long version = directoryVersion(jws);
    System.out.println(
        "1. Directory version "
            + version
            + " published on the secretariat's node and fetched by Botswana's and the EU's.");

    String number = FederationWalk.issue(botswana, "EU", CARATS);
    System.out.println("2. Certificate " + number + " issued on Botswana's node for the EU.");
    JsonNode incoming = FederationWalk.awaitIncoming(eu, number);
    System.out.println(
        "3. "
            + number
            + " delivered to the EU's node, verified and listed incoming there ("
            + incoming.path("status").asString()
            + ").");
    FederationWalk.confirm(eu, incoming);
    FederationWalk.awaitStatus(botswana, number, "CONFIRMED");
    System.out.println(
        "4. "
            + number
            + " confirmed by the EU's authority on its node; the signed confirmation went back and"
            + " Botswana's node shows it CONFIRMED too.");

    List<String> cosigned = new ArrayList<>();
    for (FederationDemoNode n : nodes) {
      List<String> witnesses = new ArrayList<>();
      for (FederationDemoNode peer : nodes) {
        if (!peer.id().equals(n.id())) {
          witnesses.add(peer.witnessName());
        }
      }
      FederationWalk.awaitCosigned(n, witnesses);
      cosigned.add(n.id());
    }
    System.out.println(
        "5. Each node's checkpoint is cosigned by the witnesses of the two others ("
            + String.join(", ", cosigned)
            + ").");
    JsonNode figures =
        FederationWalk.awaitGlobalFigures(secretariat, "BW", "EU", new BigDecimal(CARATS));
    System.out.println(
        "6. The secretariat's node assembled this year's global figures from the nodes' signed"
            + " statistics documents: Botswana's exports "
            + FederationWalk.carats(figures, "BW", "exports")
            + " ct, the EU's imports "
            + FederationWalk.carats(figures, "EU", "imports")
            + " ct.");
    print(root, nodes, number, pg);

    // Until Ctrl-C (the shutdown hook stops the children) or until a node ends by itself.
    while (true) {
      for (ChaosProcesses.Server s : running) {
        if (s.pid() < 0) {
          pause(); // Ctrl-C reaches the nodes too: one may end before this JVM starts stopping
          if (stopping) {
            return 0;
          }
          System.out.println("A node stopped: " + s.base() + "\n" + s.tail());
          return 1;
        }
      }
      pause();
    }
  }

  @org.kimberlite.shared.SuppressForbidden("a command watching its child processes")
  private static void pause() throws InterruptedException {
    Thread.sleep(1_000);
  }

  private void start(
      FederationDemoNode node,
      List<FederationDemoNode> nodes,
      @Nullable String directoryKey,
      Map<String, List<String>> dbArgs,
      Map<String, String> dbEnv)
      throws IOException {
    Files.createDirectories(node.dataDir());
    List<String> args = new ArrayList<>(dbArgs.get(node.id()));
    args.addAll(node.settings(nodes.get(0), directoryKey, FederationDemoNode.Pace.DEMO));
    Map<String, String> env = new HashMap<>(dbEnv);
    env.putAll(node.environment());
    ChaosProcesses.Server server =
        new ChaosProcesses.Server(
            node.dataDir(), node.port(), args, env, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"));
    server.start("federation-node");
    running.add(server);
  }

  private void awaitStarted() throws IOException, InterruptedException {
    var http = BenchHttp.client();
    for (ChaosProcesses.Server s : running) {
      if (!s.awaitReady(http, START_PATIENCE, FederationNodeCommand.READY)) {
        throw new IllegalStateException("The node at " + s.base() + " did not start:\n" + s.tail());
      }
    }
  }

  private void stopAll() {
    stopping = true;
    for (ChaosProcesses.Server s : running) {
      try {
        s.stop(Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    ChaosProcesses.Postgres cluster = postgres;
    if (cluster != null) {
      cluster.destroy();
    }
    Path folder = throwaway;
    if (folder != null) {
      try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        System.err.println("Could not delete " + folder + ": " + e.getMessage());
      }
    }
  }

  private static void save(Path file, List<FederationDemoNode> nodes, String directoryKey)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("directoryKey", directoryKey);
    ObjectNode byId = root.putObject("nodes");
    for (FederationDemoNode n : nodes) {
      byId.putObject(n.id()).put("logKey", n.logKey()).put("witnessKey", n.witnessKey());
    }
    SecretFiles.write(file, JSON.writeValueAsString(root));
  }

  private static long directoryVersion(String jws) {
    int first = jws.indexOf('.');
    int second = jws.indexOf('.', first + 1);
    byte[] payload = java.util.Base64.getUrlDecoder().decode(jws.substring(first + 1, second));
    return JSON.readTree(payload).path("version").asLong();
  }

  private static void print(
      Path root, List<FederationDemoNode> nodes, String number, boolean throwaway)
      throws IOException, InterruptedException {
    FederationDemoNode secretariat = nodes.get(0);
    FederationDemoNode botswana = nodes.get(1);
    FederationDemoNode eu = nodes.get(2);
    StringBuilder out = new StringBuilder();
    out.append("\nKimberlite federation demo is running (Ctrl-C stops the three nodes; ")
        .append(
            throwaway
                ? "this PostgreSQL run leaves nothing behind)\n\n"
                : "data stays in " + root.toAbsolutePath().normalize() + ")\n\n");
    for (FederationDemoNode n : nodes) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-42s %-24s log %s%n",
              n.title() + " (" + n.id() + ")",
              n.base(),
              n.origin()));
    }
    out.append("\nFollow the certificate ").append(number).append(":\n");
    line(
        out,
        "On Botswana's node (sign in as kp-bw)",
        botswana.base() + "/console/certificates/" + number);
    line(out, "Its public verification", botswana.base() + "/verify/" + number);
    line(out, "Its log proof", botswana.base() + "/api/v1/certificates/" + number + "/proof");
    line(out, "Botswana's outbox (kp-bw, token)", botswana.base() + "/api/v1/federation/outbox");
    line(
        out,
        "Incoming on the EU's node (sign in as kp-eu-be)",
        eu.base() + "/console/federation/incoming");
    line(
        out,
        "The same, with records and proofs (token)",
        eu.base() + "/api/v1/federation/incoming");
    line(
        out,
        "The global figures (sign in as kp-secretariat)",
        secretariat.base() + "/console/federation/statistics");
    line(
        out,
        "The directory each node goes by",
        secretariat.base() + "/api/v1/federation/directory");
    out.append(
        "\nEach node's log and its witnesses (public): its checkpoint, which nodes' witnesses"
            + " cosigned it, and the logs it witnesses:\n");
    for (FederationDemoNode n : nodes) {
      line(out, n.title(), n.base() + "/federation");
    }
    out.append("The signed checkpoints themselves:\n");
    for (FederationDemoNode n : nodes) {
      line(out, n.title(), n.base() + "/log/checkpoint");
    }
    for (FederationDemoNode n : nodes) {
      line(out, "Witness of " + n.id(), n.base() + "/api/v1/federation/witness");
    }
    BenchHttp euHttp = FederationWalk.client(eu);
    out.append("\nThe API wants a token; the EU authority's incoming list, for example:\n")
        .append("  curl -H 'Authorization: Bearer ")
        .append(euHttp.token(FederationWalk.IMPORTING_AUTHORITY))
        .append("' ")
        .append(eu.base())
        .append("/api/v1/federation/incoming\n");
    out.append("\nDemo accounts (each node has its own; all in <node folder>/")
        .append(DemoCommand.ACCOUNTS_FILE)
        .append("):\n");
    Map<String, List<String>> shown = new LinkedHashMap<>();
    shown.put(secretariat.id(), List.of(FederationWalk.SECRETARIAT));
    shown.put(botswana.id(), List.of(FederationWalk.EXPORTING_AUTHORITY, FederationWalk.EXPORTER));
    shown.put(eu.id(), List.of(FederationWalk.IMPORTING_AUTHORITY, FederationWalk.IMPORTER));
    for (FederationDemoNode n : nodes) {
      for (JsonNode a : JSON.readTree(n.dataDir().resolve(DemoCommand.ACCOUNTS_FILE).toFile())) {
        if (shown.get(n.id()).contains(a.path("username").asString())) {
          out.append(
              String.format(
                  Locale.ROOT,
                  "  %-24s %-18s %-16s %s%n",
                  n.base(),
                  a.path("username").asString(),
                  a.path("role").asString(),
                  a.path("password").asString()));
        }
      }
    }
    System.out.println(out);
  }

  private static void line(StringBuilder out, String what, String url) {
    out.append(String.format(Locale.ROOT, "  %-40s %s%n", what, url));
  }
}

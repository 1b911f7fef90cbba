package org.kimberlite.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kimberlite.ledger.Cosigner;
import org.kimberlite.ledger.NoteSigner;

/**
 * One node of the federation demo: who runs it, where it listens and keeps its data, and its log
 * and witness keys, which the demo makes before the first start and keeps, so that it knows each
 * witness's name when it waits for the cosignatures; the nodes learn each other's keys from the
 * directory (docs/federation.md).
 *
 * @param id the node's id in the directory
 * @param operator its operator in the directory: a participant's code or {@code secretariat}
 * @param participants the participants whose authorities it serves
 * @param title who runs it, in words
 * @param port its HTTP port on 127.0.0.1
 * @param dataDir its data folder (H2 database, master key, transport key, demo accounts)
 * @param logKey its log's private key (a signed-note key named after its origin)
 * @param witnessKey its witness's private key (cosignature/v1)
 */
record FederationDemoNode(
    String id,
    String operator,
    List<String> participants,
    String title,
    int port,
    Path dataDir,
    String logKey,
    String witnessKey) {

  /** The domain the demo's log origins and witness names are made of. */
  static final String DOMAIN = ".kimberlite.demo";

  FederationDemoNode {
    participants = List.copyOf(participants);
  }

  /** A node with new log and witness keys. */
  static FederationDemoNode create(
      String id, String operator, List<String> participants, String title, int port, Path dir) {
    return new FederationDemoNode(
        id,
        operator,
        participants,
        title,
        port,
        dir,
        NoteSigner.generate(id + DOMAIN + "/log").skey(),
        Cosigner.generate(id + DOMAIN + "/witness").skey());
  }

  /** The same node with another port and data folder, keeping its keys. */
  FederationDemoNode at(int otherPort, Path otherDir) {
    return new FederationDemoNode(
        id, operator, participants, title, otherPort, otherDir, logKey, witnessKey);
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  String origin() {
    return NoteSigner.parse(logKey).name();
  }

  String logVkey() {
    return NoteSigner.parse(logKey).vkey();
  }

  String witnessName() {
    return Cosigner.parse(witnessKey).name();
  }

  String witnessVkey() {
    return Cosigner.parse(witnessKey).vkey();
  }

  /**
   * The keys the child gets in its environment rather than on its command line, which every user of
   * the machine can read.
   */
  Map<String, String> environment() {
    return Map.of("KIMBERLITE_LOG_KEY", logKey, "KIMBERLITE_WITNESS_KEY", witnessKey);
  }

  /**
   * How fast the demo's nodes talk to each other.
   *
   * @param submit the pause between two rounds of submitting checkpoints to the peers' witnesses
   * @param fetch the pause between two fetches of the directory
   * @param send the pause between two rounds of the outbox sender
   * @param maxRetry the longest wait between two attempts of one delivery
   */
  record Pace(Duration submit, Duration fetch, Duration send, Duration maxRetry) {
    /** The demo's pace: a person watching sees every step within seconds. */
    static final Pace DEMO =
        new Pace(
            Duration.ofSeconds(10),
            Duration.ofSeconds(5),
            Duration.ofSeconds(1),
            Duration.ofSeconds(15));
  }

  /**
   * The node's Spring settings: its identity and log, and the directory (published here, or fetched
   * from the secretariat's node with {@code directoryKey}). No peer is configured: each node
   * witnesses the logs of the others the directory lists, and submits its checkpoints to their
   * witnesses, as the directory names them.
   */
  List<String> settings(
      @Nullable FederationDemoNode secretariat, @Nullable String directoryKey, Pace pace) {
    List<String> s = new ArrayList<>();
    s.add("--kimberlite.web.public-url=" + base());
    s.add("--kimberlite.ledger.origin=" + origin());
    s.add("--kimberlite.federation.submit-interval=" + pace.submit().toMillis() + "ms");
    s.add("--kimberlite.federation.timeout=5s");
    s.add("--kimberlite.federation.exchange.node-id=" + id);
    s.add("--kimberlite.federation.exchange.fetch-interval=" + pace.fetch().toMillis() + "ms");
    s.add("--kimberlite.federation.exchange.send-interval=" + pace.send().toMillis() + "ms");
    s.add("--kimberlite.federation.exchange.first-retry=" + pace.send().toMillis() + "ms");
    s.add("--kimberlite.federation.exchange.max-retry=" + pace.maxRetry().toMillis() + "ms");
    s.add("--kimberlite.federation.exchange.timeout=5s");
    // Statistics documents made, and fetched by the secretariat's node, at the witnesses' pace.
    s.add("--kimberlite.federation.statistics.interval=" + pace.submit().toMillis() + "ms");
    if (secretariat == null || secretariat.id().equals(id)) {
      s.add("--kimberlite.federation.exchange.publish-directory=true");
    } else {
      s.add("--kimberlite.federation.exchange.directory-url=" + secretariat.base());
      if (directoryKey != null) {
        s.add("--kimberlite.federation.exchange.directory-key=" + directoryKey);
      }
    }
    return s;
  }
}

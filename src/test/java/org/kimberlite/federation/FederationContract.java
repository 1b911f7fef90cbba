package org.kimberlite.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.Commitment;
import org.kimberlite.ledger.Cosigner;
import org.kimberlite.ledger.NoteSigner;
import org.kimberlite.ledger.NoteVerifier;
import org.kimberlite.ledger.Notes;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.support.Actors;
import org.kimberlite.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This node as a witness (C2SP tlog-witness {@code POST /add-checkpoint}) of a peer log kept by the
 * test with its own key, and as a log that submits its checkpoints to a peer's witness (here its
 * own, at its own address): cosigned checkpoints, each refusal with its status, the split view
 * caught with both signed notes kept, and the cosignatures served on this log's checkpoint.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "kimberlite.data-dir=target/it-data",
      "kimberlite.ledger.interval=50ms",
      "management.server.port=0",
      "kimberlite.federation.submit-interval=1h"
    })
abstract class FederationContract {
  static final NoteSigner LOG_KEY = NoteSigner.generate("kimberlite.local/log");
  static final Cosigner WITNESS = Cosigner.generate("kimberlite.test/witness");
  static final TestLog PEER = new TestLog("peer.example/log").append(40);
  static final TestLog RACER = new TestLog("racer.example/log").append(30);

  @Autowired TransparencyLog log;
  @Autowired Submitting submitting;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired MeterRegistry meters;
  @Autowired org.kimberlite.federation.internal.StatisticsDocumentRepository statisticsDocuments;

  @org.springframework.beans.factory.annotation.Value("${server.port}")
  int port;

  /** The federation settings, with the port this class's server listens on (one per class). */
  static void federation(DynamicPropertyRegistry registry, int port) {
    registry.add("server.port", () -> port);
    registry.add("kimberlite.ledger.key", LOG_KEY::skey);
    registry.add("kimberlite.federation.witness-key", WITNESS::skey);
    registry.add("kimberlite.federation.peers[0].operator", () -> "Peer authority");
    registry.add("kimberlite.federation.peers[0].vkey", PEER.key::vkey);
    registry.add("kimberlite.federation.peers[2].vkey", RACER.key::vkey);
    // This node is also its own peer: it submits its checkpoints to its own witness.
    registry.add("kimberlite.federation.peers[1].operator", () -> "This node");
    registry.add("kimberlite.federation.peers[1].vkey", LOG_KEY::vkey);
    registry.add("kimberlite.federation.peers[1].url", () -> "http://127.0.0.1:" + port + "/");
    registry.add("kimberlite.federation.peers[1].witness-vkey", WITNESS::vkey);
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Api anonymous() {
    return new Api("http://127.0.0.1:" + port);
  }

  Api.Answer add(String body) {
    return anonymous().postRaw("/add-checkpoint", "text/plain", body);
  }

  Actors.Actor actor(OrganisationRole role) {
    return new Actors(organisations, accounts, anonymous()).create(role, "BW");
  }

  double splitViews(SplitViewKind kind) {
    var c = meters.find("kimberlite.federation.split-views").tag("kind", kind.name()).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void aPeerLogIsWitnessedRefusedWhenItCannotProveItGrewAndCaughtWhenItForks() throws Exception {
    Api.Answer witness = anonymous().get("/api/v1/federation/witness");
    assertThat(witness.status()).as(witness.body()).isEqualTo(200);
    assertThat(witness.json().get("vkey").asString()).isEqualTo(WITNESS.vkey());
    assertThat(witness.body()).contains("peer.example/log", "Peer authority");

    // First contact: old size 0, no proof. The answer is a timestamped cosignature line.
    Api.Answer first = add(PEER.body(0, 10));
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).startsWith("\u2014 kimberlite.test/witness ").endsWith("\n");
    long time = WITNESS.verifier().verify(Notes.parse(PEER.note(10) + first.body()));
    assertThat(time).isPositive();

    Api.Answer grown = add(PEER.body(10, 25));
    assertThat(grown.status()).as(grown.body()).isEqualTo(200);
    assertThat(anonymous().get("/api/v1/federation/witness").json().get("logs").toString())
        .contains("\"cosignedSize\":25");

    // The client believes another size: 409 names the one cosigned last.
    Api.Answer stale = add(PEER.body(10, 30));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.contentType()).startsWith("text/x.tlog.size");
    assertThat(stale.body()).isEqualTo("25\n");

    // Refusals that are no evidence: malformed, unknown origin, a signature that fails.
    assertThat(add("old 25\n").status()).isEqualTo(400);
    assertThat(add("old 26\n\n" + PEER.note(25)).status()).isEqualTo(400);
    TestLog stranger = new TestLog("stranger.example/log").append(3);
    Api.Answer unknown = add(stranger.body(0, 3));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("federation/unknown-log");
    String forged = PEER.note(30).replace(PEER.checkpoint(30).body(), PEER.checkpoint(31).body());
    Api.Answer badSignature = add(AddCheckpointRequest.format(25, PEER.proof(25, 31), forged));
    assertThat(badSignature.status()).isEqualTo(403);
    assertThat(badSignature.body()).contains("federation/bad-log-signature");
    assertThat(splitViews(SplitViewKind.FAILED_PROOF)).isZero();

    // A proof that does not hold against the checkpoint cosigned last: 422, never cosigned, kept.
    List<byte[]> proof = PEER.proof(25, 30);
    byte[] wrong = proof.get(0);
    wrong[0] ^= 1;
    List<byte[]> tampered = new ArrayList<>(proof);
    tampered.set(0, wrong);
    Api.Answer badProof = add(AddCheckpointRequest.format(25, tampered, PEER.note(30)));
    assertThat(badProof.status()).as(badProof.body()).isEqualTo(422);
    assertThat(badProof.body()).contains("federation/split-view");
    assertThat(splitViews(SplitViewKind.FAILED_PROOF)).isEqualTo(1);

    // The log shows another tree of the same size to this witness: a fork, kept as evidence.
    TestLog fork = PEER.fork(20).append(10);
    assertThat(fork.checkpoint(25)).isNotEqualTo(PEER.checkpoint(25));
    Api.Answer forked = add(fork.body(25, 25));
    assertThat(forked.status()).as(forked.body()).isEqualTo(422);
    assertThat(splitViews(SplitViewKind.CONFLICTING_ROOTS)).isEqualTo(1);
    // Nothing moved: the honest log still extends what was cosigned.
    assertThat(add(PEER.body(25, 30)).status()).isEqualTo(200);

    // The evidence, for the node's operators: both notes as the log signed them.
    Api.Answer evidence =
        actor(OrganisationRole.KP_AUTHORITY).api().get("/api/v1/federation/split-views");
    assertThat(evidence.status()).as(evidence.body()).isEqualTo(200);
    assertThat(evidence.json()).hasSize(2);
    var newest = evidence.json().get(0);
    assertThat(newest.get("kind").asString()).isEqualTo("CONFLICTING_ROOTS");
    String cosigned = newest.get("cosignedNote").asString();
    String presented = newest.get("presentedNote").asString();
    List<NoteVerifier> key = List.of(PEER.verifier());
    Checkpoint a = Checkpoint.open(cosigned, "peer.example/log", key);
    Checkpoint b = Checkpoint.open(presented, "peer.example/log", key);
    assertThat(a.size()).isEqualTo(b.size()).isEqualTo(25);
    assertThat(a.rootHash()).isNotEqualTo(b.rootHash());
    assertThat(actor(OrganisationRole.TRADER).api().get("/api/v1/federation/split-views").status())
        .isEqualTo(403);
    assertThat(anonymous().get("/api/v1/federation/split-views").status()).isEqualTo(401);
    Api.Answer badPage =
        actor(OrganisationRole.KP_SECRETARIAT).api().get("/api/v1/federation/split-views?size=501");
    assertThat(badPage.status()).isEqualTo(400);
    assertThat(badPage.body()).contains("size");
  }

  @Test
  void twoRequestsFromTheSameSizeCannotBothAdvanceTheWitness() throws Exception {
    assertThat(add(RACER.body(0, 10)).status()).isEqualTo(200);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Integer>> both =
          List.of(() -> add(RACER.body(10, 20)).status(), () -> add(RACER.body(10, 30)).status());
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(both)) {
        statuses.add(f.get());
      }
      assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    } finally {
      pool.shutdownNow();
    }
  }

  void awaitIntegrated() throws InterruptedException {
    for (int i = 0; i < 400 && (log.pending() > 0 || log.signedSize() == 0); i++) {
      Thread.sleep(25);
    }
  }

  void record(int n) {
    for (int i = 0; i < n; i++) {
      int k = i;
      tx.executeWithoutResult(
          s ->
              log.record(
                  Commitment.publicRecord(
                      "test.record", "fed" + k, "test", Instant.now(), Map.of("n", k))));
    }
  }

  @Test
  void thisLogsCheckpointsAreSubmittedToThePeersWitnessAndServedWithItsCosignature()
      throws Exception {
    record(3);
    awaitIntegrated();
    assertThat(submitting.enabled()).isTrue();
    List<Submission> round = submitting.submitAll();
    assertThat(round).hasSize(1);
    assertThat(round.get(0).error()).isNull();
    long first = round.get(0).cosignedSize();
    assertThat(first).isEqualTo(log.signedSize());
    String served = anonymous().get("/log/checkpoint").body();
    assertThat(WITNESS.verifier().verify(Notes.parse(served))).isPositive();

    // The log grew: the next round sends a consistency proof from the size cosigned last.
    record(5);
    awaitIntegrated();
    Submission second = submitting.submitAll().get(0);
    assertThat(second.error()).isNull();
    assertThat(second.cosignedSize()).isEqualTo(log.signedSize()).isGreaterThan(first);

    // This node forgot what the witness cosigned: the 409 tells it, and it retries from there.
    jdbc.sql("update federation_submission set cosigned_size = 1").update();
    Submission third = submitting.submitAll().get(0);
    assertThat(third.error()).isNull();
    assertThat(third.cosignedSize()).isEqualTo(log.signedSize());

    Api.Answer status =
        actor(OrganisationRole.KP_SECRETARIAT).api().get("/api/v1/federation/submissions");
    assertThat(status.status()).as(status.body()).isEqualTo(200);
    assertThat(status.json().get("enabled").asBoolean()).isTrue();
    assertThat(status.json().get("witnesses").get(0).get("witness").asString())
        .isEqualTo("kimberlite.test/witness");
    assertThat(actor(OrganisationRole.MINER).api().get("/api/v1/federation/submissions").status())
        .isEqualTo(403);
  }

  /** The statistics documents' tables: latest versions, the one kept once, fetch states. */
  @Test
  void statisticsDocumentsKeepEveryVersionAndReadTheLatest() {
    var repo = statisticsDocuments;
    var bw = org.kimberlite.shared.ParticipantCode.of("BW");
    var za = org.kimberlite.shared.ParticipantCode.of("ZA");
    int year = 5000 + new java.util.Random().nextInt(4000);
    Instant at = Instant.parse("2026-12-01T10:00:00Z");
    for (long v = 1; v <= 2; v++) {
      assertThat(
              repo.insertOwn(
                  new org.kimberlite.federation.internal.StatisticsDocumentRepository.Own(
                      bw, year, v, "sha256:" + v, "jws" + v, java.util.UUID.randomUUID(), at)))
          .isTrue();
    }
    assertThat(
            repo.insertOwn(
                new org.kimberlite.federation.internal.StatisticsDocumentRepository.Own(
                    bw, year, 2, "sha256:x", "other", java.util.UUID.randomUUID(), at)))
        .isFalse();
    assertThat(repo.latestOwn(bw, year).orElseThrow().jws()).isEqualTo("jws2");
    assertThat(repo.latestOwn(year, year))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.version()).isEqualTo(2);
              assertThat(o.issuedAt()).isEqualTo(at);
            });

    var held =
        new org.kimberlite.federation.internal.StatisticsDocumentRepository.Held(
            za, year, 3, "south-africa", "jws3", 12, at);
    assertThat(repo.insertHeld(held, "{}", "proof")).isTrue();
    assertThat(repo.insertHeld(held, "{}", "proof")).isFalse();
    assertThat(repo.latestHeld(za, year)).contains(held);
    assertThat(repo.latestHeld(year, year)).containsExactly(held);

    String node = "node-" + year;
    repo.attempt(node, at, 0, "cannot reach");
    repo.attempt(node, at.plusSeconds(60), 4, null);
    repo.attempt(node, at.plusSeconds(120), 0, "answered 503");
    assertThat(repo.sources())
        .filteredOn(src -> src.nodeId().equals(node))
        .singleElement()
        .satisfies(
            src -> {
              assertThat(src.lastAttemptAt()).isEqualTo(at.plusSeconds(120));
              assertThat(src.lastSuccessAt()).isEqualTo(at.plusSeconds(60));
              assertThat(src.documents()).isEqualTo(4);
              assertThat(src.lastError()).isEqualTo("answered 503");
            });
  }
}

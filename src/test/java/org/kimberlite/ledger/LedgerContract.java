package org.kimberlite.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kimberlite.cli.KimberliteCommand;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.NewAccount;
import org.kimberlite.registry.NewOrganisation;
import org.kimberlite.registry.Organisation;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.support.Api;
import org.kimberlite.support.LogClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The transparency log end to end, on each database: entries committed with business rows, tiles
 * and checkpoint as C2SP says, proofs that verify offline, and an audit that notices a row edited
 * behind the platform's back.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.ledger.interval=50ms", "kimberlite.data-dir=target/it-data"})
abstract class LedgerContract {
  @LocalServerPort int port;
  @Autowired TransparencyLog log;
  @Autowired Audit audit;
  @Autowired JdbcClient jdbc;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;
  @TempDir Path dir;

  Api api() {
    return new Api("http://127.0.0.1:" + port);
  }

  LogClient client() {
    return new LogClient("http://127.0.0.1:" + port);
  }

  void awaitIntegrated() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (log.pending() > 0 || log.signedSize() == 0) {
      assertThat(Instant.now()).as("integration within 20 s").isBefore(deadline);
      Thread.sleep(20);
    }
    // the checkpoint covering the last entries is signed in the same transaction
  }

  Api secretariat() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Organisation o =
        organisations.registerSeed(
            new NewOrganisation(
                "Secretariat " + suffix,
                org.kimberlite.shared.CountryCode.of("BW"),
                Set.of(OrganisationRole.KP_SECRETARIAT),
                null,
                null));
    accounts.create(
        o.id(), new NewAccount("sec-" + suffix, "S", "secretariat password " + suffix, true));
    String token =
        api()
            .post(
                "/api/v1/auth/token",
                Map.of("username", "sec-" + suffix, "password", "secretariat password " + suffix))
            .json()
            .get("token")
            .asString();
    return api().withToken(token);
  }

  @Test
  void theCheckpointIsASignedNoteOverTheTreeServedAsTiles() throws Exception {
    awaitIntegrated();
    LogClient client = client();
    HttpResponse<byte[]> raw = client.get("/log/checkpoint");
    assertThat(raw.headers().firstValue("Content-Type").orElse(""))
        .isEqualTo("text/plain;charset=UTF-8");
    assertThat(raw.headers().firstValue("Cache-Control").orElse("")).contains("max-age=2");
    assertThat(client.text("/log/vkey").strip()).isEqualTo(log.verifierKey());

    Checkpoint checkpoint = client.checkpoint();
    assertThat(checkpoint.origin()).isEqualTo(log.origin());
    assertThat(checkpoint.size()).isGreaterThanOrEqualTo(64); // the seeded status history
    List<byte[]> leaves = client.leafHashes(checkpoint.size());
    assertThat(LogClient.root(leaves)).isEqualTo(checkpoint.rootHash());

    // Entry bundles hash to the level-0 tile.
    TilePath bundle = new TilePath(0, 0, (int) Math.min(256, checkpoint.size()), true);
    HttpResponse<byte[]> entries = client.get("/log/" + bundle.path());
    assertThat(entries.statusCode()).isEqualTo(200);
    assertThat(entries.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
    List<byte[]> parsed = Tiles.parseEntryBundle(entries.body());
    for (int i = 0; i < parsed.size(); i++) {
      assertThat(Rfc6962.leafHash(parsed.get(i))).isEqualTo(leaves.get(i));
    }
    String first = new String(parsed.get(0), StandardCharsets.UTF_8);
    assertThat(first).startsWith("{\"digest\":\"sha256:").contains("\"type\":\"registry.");
    assertThat(first).doesNotContain("reason"); // only the envelope is public

    // Tiles the tree does not have, and malformed paths, are 404.
    long beyond = checkpoint.size() / 256 + 1;
    assertThat(client.get("/log/tile/0/" + TilePath.encodeIndex(beyond)).statusCode())
        .isEqualTo(404);
    assertThat(client.get("/log/tile/0/5").statusCode()).isEqualTo(404);
    assertThat(client.get("/log/tile/0/000.p/0").statusCode()).isEqualTo(404);
  }

  @Test
  void tilesAndTheCheckpointServedFromMemoryAnswerAsTheWholeChainDoes() throws Exception {
    awaitIntegrated();
    LogClient client = client();
    // A partial bundle no other test asks for: the first answer comes through the filter chain
    // and the controller (and keeps the tile), the second from memory.
    String path = "/log/" + new TilePath(0, 0, 13, true).path();
    HttpResponse<byte[]> chain = client.get(path);
    HttpResponse<byte[]> memory = client.get(path);
    assertThat(chain.statusCode()).isEqualTo(200);
    assertThat(memory.statusCode()).isEqualTo(200);
    assertThat(memory.body()).isEqualTo(chain.body());
    Map<String, List<String>> expected = new java.util.TreeMap<>(chain.headers().map());
    Map<String, List<String>> actual = new java.util.TreeMap<>(memory.headers().map());
    for (String varies : List.of("date", "x-request-id")) {
      assertThat(actual).containsKey(varies);
      expected.remove(varies);
      actual.remove(varies);
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(expected)
        .containsKeys("etag", "x-content-type-options", "x-frame-options", "referrer-policy");

    // A conditional read of a kept tile: 304 with the tag and no body; another tag: the bytes.
    String etag = memory.headers().firstValue("ETag").orElseThrow();
    HttpResponse<byte[]> notModified = client.get(path, Map.of("If-None-Match", etag));
    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(notModified.body()).isEmpty();
    assertThat(notModified.headers().firstValue("ETag")).contains(etag);
    assertThat(client.get(path, Map.of("If-None-Match", "\"other\"")).statusCode()).isEqualTo(200);

    // The checkpoint carries the same security headers, its own tag, and answers 304 to it.
    HttpResponse<byte[]> checkpoint = client.get("/log/checkpoint");
    assertThat(checkpoint.statusCode()).isEqualTo(200);
    assertThat(checkpoint.headers().map().keySet()).containsAll(chain.headers().map().keySet());
    for (String h : List.of("x-content-type-options", "x-frame-options", "referrer-policy")) {
      assertThat(checkpoint.headers().allValues(h)).isEqualTo(chain.headers().allValues(h));
    }
    String noteTag = checkpoint.headers().firstValue("ETag").orElseThrow();
    assertThat(noteTag).isNotEqualTo(etag);
    assertThat(client.get("/log/checkpoint", Map.of("If-None-Match", noteTag)).statusCode())
        .isIn(200, 304); // 200 only if a new checkpoint was signed in between
    // A caller's request id is echoed from memory as through the chain.
    assertThat(
            client
                .get(path, Map.of("X-Request-Id", "tile-read-1"))
                .headers()
                .firstValue("X-Request-Id"))
        .contains("tile-read-1");
  }

  @Test
  void aRecordedDecisionGetsAProofThatVerifiesOffline() throws Exception {
    Api secretariat = secretariat();
    Api.Answer admitted =
        secretariat.post(
            "/api/v1/participants",
            Map.of(
                "code", "MN",
                "name", "Mongolia",
                "admittedOn", "2026-05-01",
                "reason", "Admitted at the test plenary"));
    assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
    String records = admitted.json().get("history").get(0).get("logRecord").asString();
    JsonNode committed = api().get(records).json();
    assertThat(committed).hasSize(1);
    String entryId = committed.get(0).get("entryId").asString();
    awaitIntegrated();

    JsonNode entry = api().get("/api/v1/log/entries/" + entryId).json();
    assertThat(entry.get("index").isNull()).isFalse();
    assertThat(entry.get("record").asString()).contains("Admitted at the test plenary");
    byte[] data = entry.get("entry").asString().getBytes(StandardCharsets.UTF_8);
    byte[] salt = Base64.getDecoder().decode(entry.get("salt").asString());
    assertThat(entry.get("entry").asString())
        .contains(TransparencyLog.digest(salt, entry.get("record").asString()));

    Api.Answer proofAnswer = api().get("/api/v1/log/entries/" + entryId + "/proof");
    assertThat(proofAnswer.status()).isEqualTo(200);
    TlogProof proof = TlogProof.parse(proofAnswer.body());
    Checkpoint verified =
        TlogProof.verify(
            proof,
            Rfc6962.leafHash(data),
            log.origin(),
            List.of(NoteVerifier.parse(log.verifierKey())));
    assertThat(verified.size()).isGreaterThan(proof.index());

    // The command line verifies the same files offline, and refuses a tampered entry.
    Path proofFile = Files.writeString(dir.resolve("p.tlog-proof"), proofAnswer.body());
    Path entryFile = Files.write(dir.resolve("entry.json"), data);
    Path recordFile = Files.writeString(dir.resolve("record.json"), entry.get("record").asString());
    Path keyFile = Files.writeString(dir.resolve("log.vkey"), log.verifierKey());
    KimberliteCommand.Platform none =
        args -> {
          throw new AssertionError("verify-proof must not start the platform");
        };
    assertThat(
            KimberliteCommand.execute(
                none,
                "verify-proof",
                "--vkey",
                keyFile.toString(),
                "--record",
                recordFile.toString(),
                "--salt",
                entry.get("salt").asString(),
                proofFile.toString(),
                entryFile.toString()))
        .isZero();
    Path forged =
        Files.writeString(
            dir.resolve("forged.json"),
            entry
                .get("entry")
                .asString()
                .replace("registry.status-change", "registry.status-chang3"));
    assertThat(
            KimberliteCommand.execute(
                none,
                "verify-proof",
                "--vkey",
                log.verifierKey(),
                proofFile.toString(),
                forged.toString()))
        .isEqualTo(1);
    Path otherRecord =
        Files.writeString(
            dir.resolve("other.json"),
            entry.get("record").asString().replace("Admitted", "Expelled"));
    assertThat(
            KimberliteCommand.execute(
                none,
                "verify-proof",
                "--vkey",
                log.verifierKey(),
                "--record",
                otherRecord.toString(),
                "--salt",
                entry.get("salt").asString(),
                proofFile.toString(),
                entryFile.toString()))
        .isEqualTo(1);
  }

  @Test
  void unknownEntriesAreNotFound() {
    assertThat(api().get("/api/v1/log/entries/" + UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(api().get("/api/v1/log/entries/" + UUID.randomUUID() + "/proof").status())
        .isEqualTo(404);
  }

  @Test
  void proofsOfManyEntriesReadAtOnceVerifyAgainstTheCheckpoint() throws Exception {
    Api secretariat = secretariat();
    for (String code : List.of("NR", "TV", "WS")) {
      secretariat.post(
          "/api/v1/participants",
          Map.of("code", code, "name", code, "admittedOn", "2026-06-01", "reason", "test"));
    }
    awaitIntegrated();
    Checkpoint checkpoint = client().checkpoint();
    List<byte[]> leaves = client().leafHashes(checkpoint.size());
    Map<UUID, Long> indexes = new java.util.LinkedHashMap<>();
    for (long i = 0; i < checkpoint.size(); i++) {
      indexes.put(new UUID(0, i), i);
    }
    UUID beyond = new UUID(1, 0);
    indexes.put(beyond, checkpoint.size() + 5);
    Map<UUID, TlogProof> proofs = log.proofs(indexes);
    assertThat(proofs).hasSize((int) checkpoint.size()).doesNotContainKey(beyond);
    for (long i = 0; i < checkpoint.size(); i++) {
      TlogProof p = proofs.get(new UUID(0, i));
      assertThat(p.index()).isEqualTo(i);
      // Every proof verifies (a wrong hash anywhere on a path would throw).
      ProofVerifier.verifyInclusion(
          leaves.get((int) i), i, checkpoint.size(), p.inclusionProof(), checkpoint.rootHash());
    }
  }

  @Test
  void checkpointsOnlyGrowAndStayConsistent() throws Exception {
    awaitIntegrated();
    Checkpoint before = client().checkpoint();
    Api secretariat = secretariat();
    for (String code : List.of("NP", "FJ")) {
      assertThat(
              secretariat
                  .post(
                      "/api/v1/participants",
                      Map.of(
                          "code", code, "name", code, "admittedOn", "2026-06-01", "reason", "test"))
                  .status())
          .isEqualTo(201);
    }
    awaitIntegrated();
    Checkpoint after = client().checkpoint();
    assertThat(after.size()).isGreaterThanOrEqualTo(before.size() + 2);
    List<byte[]> leaves = client().leafHashes(after.size());
    HashReader memory = LogClient.memoryTree(leaves);
    ProofVerifier.verifyConsistency(
        before.size(),
        after.size(),
        before.rootHash(),
        after.rootHash(),
        TreeMath.consistencyProof(before.size(), after.size(), memory));
  }

  @Test
  void theAuditFindsARowEditedBehindThePlatformsBack() throws Exception {
    awaitIntegrated();
    AuditReport clean = audit.run();
    assertThat(clean.findings()).isEmpty();
    assertThat(clean.records()).isGreaterThanOrEqualTo(64);

    long id =
        jdbc.sql("select min(id) from participant_status_change where participant_code = 'VE'")
            .query(Long.class)
            .single();
    String reason =
        jdbc.sql("select reason from participant_status_change where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    try {
      jdbc.sql(
              "update participant_status_change set effective_on = date '2001-01-01' where id = :id")
          .param("id", id)
          .update();
      AuditReport edited = audit.run();
      assertThat(edited.findings())
          .extracting(AuditReport.Finding::kind, AuditReport.Finding::where)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "record-changed", "registry.status-change " + id));
    } finally {
      jdbc.sql(
              "update participant_status_change set effective_on = date '2003-01-01', reason = :r where id = :id")
          .param("r", reason)
          .param("id", id)
          .update();
    }
    assertThat(audit.run().findings()).isEmpty();

    // A tree hash rewritten in place is caught too.
    byte[] original =
        jdbc.sql("select hash from ledger_node where level = 0 and idx = 1")
            .query((rs, n) -> rs.getBytes(1))
            .single();
    try {
      jdbc.sql("update ledger_node set hash = :h where level = 0 and idx = 1")
          .param("h", LogClient.sha("forged".getBytes(StandardCharsets.UTF_8)))
          .update();
      assertThat(audit.run().findings())
          .extracting(AuditReport.Finding::kind)
          .contains("node-mismatch");
    } finally {
      jdbc.sql("update ledger_node set hash = :h where level = 0 and idx = 1")
          .param("h", original)
          .update();
    }
    assertThat(audit.run().findings()).isEmpty();
  }
}

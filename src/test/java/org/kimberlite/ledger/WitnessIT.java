package org.kimberlite.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kimberlite.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Witness cosignatures (C2SP tlog-cosignature): kept when they verify, served on the checkpoint.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
class WitnessIT {
  static final Cosigner WITNESS = Cosigner.generate("witness.example/w1");
  static final Cosigner STRANGER = Cosigner.generate("witness.example/w2");

  @LocalServerPort int port;
  @Autowired TransparencyLog log;

  @DynamicPropertySource
  static void config(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:h2:mem:witness-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    registry.add("kimberlite.ledger.witnesses", WITNESS::vkey);
  }

  @Autowired org.springframework.transaction.support.TransactionTemplate tx;

  int witness(java.nio.file.Path key, java.nio.file.Path state) {
    return org.kimberlite.cli.KimberliteCommand.execute(
        args -> {
          throw new AssertionError("the witness does not start the platform");
        },
        "witness",
        "--once",
        "--log-url",
        "http://127.0.0.1:" + port + "/log",
        "--log-vkey",
        log.verifierKey(),
        "--key-file",
        key.toString(),
        "--state",
        state.toString());
  }

  void awaitIntegrated() throws InterruptedException {
    for (int i = 0; i < 400 && (log.pending() > 0 || log.signedSize() == 0); i++) {
      Thread.sleep(25);
    }
  }

  @Test
  void theWitnessCommandFollowsTheLogCosignsAndRaisesTheAlarmOnAFork(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    awaitIntegrated();
    java.nio.file.Path key = java.nio.file.Files.writeString(dir.resolve("w.key"), WITNESS.skey());
    java.nio.file.Path state = dir.resolve("state");
    assertThat(witness(key, state)).isZero();
    // the clear key file of an earlier version is now sealed under the master key beside it
    assertThat(java.nio.file.Files.readString(key))
        .startsWith("kimberlite-sealed-witness-key-v1\n" + WITNESS.vkey() + "\n")
        .doesNotContain(WITNESS.skey());
    assertThat(dir.resolve("master.key")).exists();
    long first = log.signedSize();
    assertThat(api().get("/log/checkpoint").body()).contains("\u2014 witness.example/w1 ");

    for (int i = 0; i < 300; i++) {
      int n = i;
      tx.executeWithoutResult(
          s ->
              log.record(
                  Commitment.publicRecord(
                      "test.record",
                      "w" + n,
                      "test",
                      java.time.Instant.now(),
                      java.util.Map.of("n", n))));
    }
    awaitIntegrated();
    assertThat(log.signedSize()).isEqualTo(first + 300);
    assertThat(witness(key, state)).isZero(); // consistency first -> first + 300 checked from tiles
    assertThat(java.nio.file.Files.readAllLines(state).get(0))
        .isEqualTo(Long.toString(first + 300));

    // The witness remembers a different root for this size: the log forked.
    java.nio.file.Files.writeString(
        state,
        (first + 300) + "\n" + java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n");
    assertThat(witness(key, state)).isEqualTo(3);
    // The witness has seen a bigger tree: the log shrank.
    java.nio.file.Files.writeString(
        state,
        (first + 301) + "\n" + java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n");
    assertThat(witness(key, state)).isEqualTo(3);
    // An older head with a wrong root: no consistency proof from the tiles can reach it.
    java.nio.file.Files.writeString(
        state, first + "\n" + java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n");
    assertThat(witness(key, state)).isEqualTo(3);
  }

  Api api() {
    return new Api("http://127.0.0.1:" + port);
  }

  Api.Answer post(String note) {
    return api().postRaw("/log/cosignatures", "text/plain", note);
  }

  @Test
  void cosignaturesOfConfiguredWitnessesAreVerifiedKeptAndServed() throws Exception {
    for (int i = 0; i < 400 && (log.pending() > 0 || log.signedSize() == 0); i++) {
      Thread.sleep(25);
    }
    String note = api().get("/log/checkpoint").body();
    Checkpoint checkpoint = Checkpoint.parseBody(Notes.parse(note).text());
    long now = System.currentTimeMillis() / 1000;

    NoteSignature good = WITNESS.cosign(checkpoint, now);
    Api.Answer accepted = post(Notes.addSignatures(note, List.of(good)));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.body()).contains("accepted 1");

    String served = api().get("/log/checkpoint").body();
    assertThat(served).contains(good.line());
    assertThat(WITNESS.verifier().verify(Notes.parse(served))).isEqualTo(now);
    // The log's own signature still verifies on the served note.
    assertThat(Notes.open(served, List.of(NoteVerifier.parse(log.verifierKey()))).text())
        .isEqualTo(checkpoint.body());

    // A witness that is not configured is ignored; a forged cosignature is refused.
    Api.Answer unknown = post(Notes.addSignatures(note, List.of(STRANGER.cosign(checkpoint, now))));
    assertThat(unknown.body()).contains("accepted 0");
    NoteSignature forged = WITNESS.cosign(checkpoint, now + 1);
    byte[] tampered = forged.signature();
    tampered[tampered.length - 1] ^= 1;
    Api.Answer bad =
        post(
            Notes.addSignatures(
                note, List.of(new NoteSignature(forged.name(), forged.keyId(), tampered))));
    assertThat(bad.status()).as(bad.body()).isEqualTo(422);

    // A checkpoint this log did not sign is refused.
    NoteSigner other = NoteSigner.generate(log.origin());
    String foreign = Notes.sign(checkpoint.body(), other);
    assertThat(post(Notes.addSignatures(foreign, List.of(good))).status()).isEqualTo(422);
    Checkpoint wrongRoot =
        new Checkpoint(checkpoint.origin(), checkpoint.size(), new byte[32], List.of());
    assertThat(post(Notes.sign(wrongRoot.body(), other)).status()).isEqualTo(422);
  }
}

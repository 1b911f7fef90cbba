package org.kimberlite.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.NoteSigner;
import org.kimberlite.ledger.NoteVerifier;
import org.kimberlite.ledger.Notes;
import org.kimberlite.ledger.Rfc6962;

/** The witness's decision at each of its boundaries (C2SP tlog-witness add-checkpoint). */
class WitnessPolicyTest {
  final TestLog log = new TestLog("peer.example/log").append(20);
  final List<NoteVerifier> keys = List.of(log.verifier());

  WitnessedCheckpoint stored(TestLog l, long size) {
    return new WitnessedCheckpoint(l.checkpoint(size), l.note(size), Instant.EPOCH);
  }

  WitnessDecision decide(AddCheckpointRequest r, @Nullable WitnessedCheckpoint stored) {
    return WitnessPolicy.decide(r, keys, stored);
  }

  @Test
  void aFirstCheckpointFromTheEmptyTreeIsCosignedWithoutProof() {
    assertThat(decide(log.request(0, 7), null))
        .isEqualTo(new WitnessDecision.Cosigned(log.checkpoint(7), List.of()));
  }

  @Test
  void aCheckpointThatExtendsTheStoredOneIsCosignedAndOneThatEqualsItToo() {
    assertThat(decide(log.request(7, 20), stored(log, 7)))
        .isInstanceOf(WitnessDecision.Cosigned.class);
    assertThat(decide(log.request(20, 20), stored(log, 20)))
        .isInstanceOf(WitnessDecision.Cosigned.class);
    assertThat(decide(log.request(1, 2), stored(log, 1)))
        .isInstanceOf(WitnessDecision.Cosigned.class);
  }

  @Test
  void anUnknownOriginIsRefusedBeforeAnythingElse() {
    assertThat(WitnessPolicy.decide(log.request(0, 3), List.of(), null))
        .isEqualTo(new WitnessDecision.UnknownOrigin("peer.example/log"));
  }

  @Test
  void aCheckpointNotSignedByTheLogsKeyOrWithABadSignatureIsForbidden() {
    NoteSigner impostor = NoteSigner.generate("peer.example/log");
    String foreign = log.checkpoint(5).sign(impostor);
    AddCheckpointRequest unsigned =
        AddCheckpointRequest.parse(bytes(AddCheckpointRequest.format(0, List.of(), foreign)));
    assertThat(decide(unsigned, null)).isInstanceOf(WitnessDecision.BadSignature.class);

    // The log's key name and ID, but a signature of another text.
    String note = log.note(5);
    String forged = note.replace(log.checkpoint(5).body(), log.checkpoint(6).body());
    AddCheckpointRequest bad =
        AddCheckpointRequest.parse(bytes(AddCheckpointRequest.format(0, List.of(), forged)));
    assertThat(decide(bad, null)).isInstanceOf(WitnessDecision.BadSignature.class);
  }

  @Test
  void anOldSizeAboveTheCheckpointsSizeIsMalformed() {
    AddCheckpointRequest r =
        AddCheckpointRequest.parse(bytes(AddCheckpointRequest.format(8, List.of(), log.note(7))));
    assertThat(decide(r, stored(log, 8))).isInstanceOf(WitnessDecision.Malformed.class);
  }

  @Test
  void anOldSizeOtherThanTheStoredSizeIsAConflictNamingTheStoredSize() {
    assertThat(decide(log.request(5, 20), stored(log, 7)))
        .isEqualTo(new WitnessDecision.SizeMismatch(7, null));
    assertThat(decide(log.request(5, 20), null))
        .isEqualTo(new WitnessDecision.SizeMismatch(0, null));
    assertThat(decide(log.request(0, 20), stored(log, 7)))
        .isEqualTo(new WitnessDecision.SizeMismatch(7, null));
  }

  @Test
  void aConflictingRootAtTheStoredSizeIsEvidenceEvenWhenTheOldSizeIsWrong() {
    TestLog fork = log.fork(5).append(10);
    var conflict = decide(fork.request(0, 7), stored(log, 7));
    assertThat(conflict).isInstanceOf(WitnessDecision.SizeMismatch.class);
    assertThat(((WitnessDecision.SizeMismatch) conflict).evidence())
        .extracting(WitnessDecision.Evidence::kind)
        .isEqualTo(SplitViewKind.CONFLICTING_ROOTS);

    var same = decide(fork.request(7, 7), stored(log, 7));
    assertThat(same).isInstanceOf(WitnessDecision.Inconsistent.class);
    assertThat(((WitnessDecision.Inconsistent) same).evidence())
        .extracting(WitnessDecision.Evidence::kind)
        .isEqualTo(SplitViewKind.CONFLICTING_ROOTS);
  }

  @Test
  void aForkThatCannotProveItExtendsTheStoredCheckpointIsEvidenceAndNotCosigned() {
    TestLog fork = log.fork(5).append(10);
    // The fork's own proof from 7 to 15 holds for its own tree, not for the stored root.
    var d = decide(fork.request(7, 15), stored(log, 7));
    assertThat(d).isInstanceOf(WitnessDecision.Inconsistent.class);
    assertThat(((WitnessDecision.Inconsistent) d).evidence())
        .extracting(WitnessDecision.Evidence::kind)
        .isEqualTo(SplitViewKind.FAILED_PROOF);
  }

  @Test
  void aTamperedOrTruncatedProofIsInconsistent() {
    AddCheckpointRequest good = log.request(7, 20);
    List<byte[]> proof = new ArrayList<>(good.proof());
    proof.get(0)[0] ^= 1;
    var tampered = new AddCheckpointRequest(7, proof, good.note(), good.checkpoint());
    assertThat(decide(tampered, stored(log, 7))).isInstanceOf(WitnessDecision.Inconsistent.class);
    var shorter =
        new AddCheckpointRequest(7, proof.subList(1, proof.size()), good.note(), good.checkpoint());
    assertThat(decide(shorter, stored(log, 7))).isInstanceOf(WitnessDecision.Inconsistent.class);
  }

  @Test
  void theSameCheckpointWithAProofIsInconsistentButNoEvidence() {
    AddCheckpointRequest r = log.request(7, 20);
    var same = new AddCheckpointRequest(20, r.proof(), log.note(20), log.checkpoint(20));
    assertThat(decide(same, stored(log, 20)))
        .isEqualTo(
            new WitnessDecision.Inconsistent(
                "sizes are equal but the consistency proof is not empty", null));
  }

  @Test
  void fromTheEmptyTreeTheProofMustBeEmpty() {
    var r =
        new AddCheckpointRequest(0, log.request(7, 20).proof(), log.note(20), log.checkpoint(20));
    assertThat(decide(r, null))
        .isEqualTo(
            new WitnessDecision.Inconsistent(
                "the consistency proof from the empty tree must be empty", null));
  }

  @Test
  void aCheckpointOfSizeZeroMustHaveTheEmptyTreesRoot() {
    assertThat(decide(log.request(0, 0), null)).isInstanceOf(WitnessDecision.Cosigned.class);
    String bad = new Checkpoint(log.origin(), 0, new byte[32]).sign(log.key);
    assertThat(Rfc6962.emptyRoot()).isNotEqualTo(new byte[32]);
    var r = AddCheckpointRequest.parse(bytes(AddCheckpointRequest.format(0, List.of(), bad)));
    assertThat(decide(r, null)).isInstanceOf(WitnessDecision.Inconsistent.class);
  }

  @Test
  void signaturesOfUnknownKeysOnTheNoteAreIgnored() {
    NoteSigner other = NoteSigner.generate("someone.else/log");
    String note = Notes.addSignatures(log.note(7), other);
    var r = AddCheckpointRequest.parse(bytes(AddCheckpointRequest.format(0, List.of(), note)));
    assertThat(decide(r, null)).isInstanceOf(WitnessDecision.Cosigned.class);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

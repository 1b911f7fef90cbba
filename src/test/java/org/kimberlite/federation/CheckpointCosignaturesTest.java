package org.kimberlite.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kimberlite.federation.Fixtures.Key;
import org.kimberlite.federation.Fixtures.Node;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.Cosigner;
import org.kimberlite.ledger.NoteSignature;
import org.kimberlite.ledger.Notes;
import org.kimberlite.ledger.Rfc6962;

/** Whose witness made each cosignature on this log's checkpoint. */
class CheckpointCosignaturesTest {
  static final Node EU = Node.of("eu", "EU", 20);
  static final Node BW = Node.of("botswana", "BW", 10);
  static final Cosigner BW_WITNESS =
      Cosigner.fromSeed("botswana.example/witness", Key.of(50).seed());
  static final Cosigner IMPOSTOR = Cosigner.fromSeed("botswana.example/witness", Key.of(54).seed());
  static final Cosigner STRANGER = Cosigner.fromSeed("stranger/witness", Key.of(55).seed());

  @Test
  void eachCosignatureIsNamedByThePeerWhoseWitnessKeyVerifiesIt() {
    Checkpoint c = new Checkpoint("eu.example/log", 0, Rfc6962.emptyRoot());
    Checkpoint other = new Checkpoint("eu.example/log", 1, new byte[32]);
    NoteSignature good = BW_WITNESS.cosign(c, 1_800_000_000L);
    NoteSignature forged = BW_WITNESS.cosign(other, 1_800_000_000L); // of another checkpoint
    String note =
        Notes.addSignatures(c.sign(EU.log()), List.of(good, STRANGER.cosign(c, 1_800_000_001L)));
    Peers peers =
        PeerPolicy.merge(
            List.of(),
            Fixtures.directory(1, PeerPolicyTest.listed(BW, BW_WITNESS), EU.listing()),
            "eu");
    var out = CheckpointCosignatures.attribute(Notes.parse(note), EU.log().verifier(), peers);
    assertThat(out).hasSize(2);
    assertThat(out.get(0))
        .isEqualTo(
            new NodeOverview.CheckpointCosignature(
                "botswana.example/witness",
                "botswana",
                "BW",
                PeerSource.DIRECTORY,
                Instant.ofEpochSecond(1_800_000_000L)));
    assertThat(out.get(1).verified()).isFalse();
    assertThat(out.get(1).peer()).isNull();
    // a line by the witness's name that its key does not verify is shown as nobody's
    String bad =
        Notes.addSignatures(
            c.sign(EU.log()),
            List.of(new NoteSignature(forged.name(), forged.keyId(), forged.signature())));
    assertThat(CheckpointCosignatures.attribute(Notes.parse(bad), EU.log().verifier(), peers))
        .singleElement()
        .satisfies(s -> assertThat(s.verified()).isFalse());
    // the same name under another key (another key ID) is not that peer's either
    String impostor = Notes.addSignatures(c.sign(EU.log()), List.of(IMPOSTOR.cosign(c, 5)));
    assertThat(CheckpointCosignatures.attribute(Notes.parse(impostor), EU.log().verifier(), peers))
        .singleElement()
        .satisfies(s -> assertThat(s.peer()).isNull());
  }
}

package org.kimberlite.federation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.CosignatureVerifier;
import org.kimberlite.ledger.Note;
import org.kimberlite.ledger.NoteSignature;
import org.kimberlite.ledger.NoteVerifier;
import org.kimberlite.ledger.ProofException;
import org.kimberlite.shared.Policy;

/**
 * Whose witness made each cosignature on a checkpoint of this log: the peer whose witness key (from
 * the directory or the configuration) has the line's name and key ID and verifies it. Pure.
 */
@Policy
public final class CheckpointCosignatures {
  private CheckpointCosignatures() {}

  /**
   * The cosignatures of {@code note} (a checkpoint signed by {@code logKey}), each with the peer
   * whose witness made it; the log's own signature is left out.
   */
  public static List<NodeOverview.CheckpointCosignature> attribute(
      Note note, NoteVerifier logKey, Peers peers) {
    Checkpoint checkpoint = Checkpoint.parseBody(note.text());
    List<NodeOverview.CheckpointCosignature> out = new ArrayList<>();
    for (NoteSignature s : note.signatures()) {
      if (s.name().equals(logKey.name()) && s.keyId() == logKey.keyId()) {
        continue;
      }
      FederationPeer peer = peers.witnessOf(s).orElse(null);
      CosignatureVerifier witness = peer == null ? null : peer.witness();
      if (peer == null || witness == null) {
        out.add(new NodeOverview.CheckpointCosignature(s.name(), null, null, null, null));
        continue;
      }
      try {
        long at = witness.verify(checkpoint, s);
        out.add(
            new NodeOverview.CheckpointCosignature(
                s.name(), peer.name(), peer.operator(), peer.source(), Instant.ofEpochSecond(at)));
      } catch (ProofException e) {
        out.add(new NodeOverview.CheckpointCosignature(s.name(), null, null, null, null));
      }
    }
    return out;
  }
}

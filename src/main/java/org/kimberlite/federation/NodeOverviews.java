package org.kimberlite.federation;

import java.util.Base64;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.Note;
import org.kimberlite.ledger.NoteVerifier;
import org.kimberlite.ledger.Notes;
import org.kimberlite.ledger.SignedCheckpoint;
import org.kimberlite.ledger.TransparencyLog;
import org.springframework.stereotype.Service;

/** This node's log and its witnesses, for the public page {@code /federation}. */
@Service
public class NodeOverviews {
  private final Directories directories;
  private final FederationPeers peers;
  private final Witness witness;
  private final TransparencyLog log;
  private final ExchangeProperties exchange;

  NodeOverviews(
      Directories directories,
      FederationPeers peers,
      Witness witness,
      TransparencyLog log,
      ExchangeProperties exchange) {
    this.directories = directories;
    this.peers = peers;
    this.witness = witness;
    this.log = log;
    this.exchange = exchange;
  }

  /** The overview now. */
  public NodeOverview overview() {
    Peers now = peers.current();
    NodeOverview.LatestCheckpoint latest =
        log.signedCheckpoint().map(c -> latest(c, now)).orElse(null);
    return new NodeOverview(
        exchange.enabled(),
        exchange.nodeId().strip(),
        directories.self().orElse(null),
        directories.current().map(Directory::version).orElse(0L),
        latest,
        witness.name(),
        witness.witnessedLogs(),
        now.refused());
  }

  private NodeOverview.LatestCheckpoint latest(SignedCheckpoint signed, Peers now) {
    Note note = Notes.parse(signed.note());
    Checkpoint c = Checkpoint.parseBody(note.text());
    return new NodeOverview.LatestCheckpoint(
        c.origin(),
        c.size(),
        Base64.getEncoder().encodeToString(c.rootHash()),
        signed.signedAt(),
        CheckpointCosignatures.attribute(note, NoteVerifier.parse(log.verifierKey()), now));
  }
}

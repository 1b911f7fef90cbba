package org.kimberlite.federation;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * This node's log and its witnesses, as the public page {@code /federation} shows them: public
 * facts only.
 *
 * @param federated whether this server is a node of a federation
 * @param nodeId its id in the directory, or empty for a single node
 * @param self this node as the directory lists it, or null (a single node, or not listed yet)
 * @param directoryVersion the version of the directory it goes by, or 0 when it holds none
 * @param checkpoint its log's latest checkpoint, or null before the first
 * @param witnessName its own witness's name
 * @param witnessed the peer logs it witnesses, with the size it cosigned last
 * @param refused the peers it refuses (FED-10)
 */
public record NodeOverview(
    boolean federated,
    String nodeId,
    @Nullable DirectoryNode self,
    long directoryVersion,
    @Nullable LatestCheckpoint checkpoint,
    String witnessName,
    List<WitnessedLog> witnessed,
    List<String> refused) {

  public NodeOverview {
    witnessed = List.copyOf(witnessed);
    refused = List.copyOf(refused);
  }

  /**
   * The log's latest checkpoint and the cosignatures on it.
   *
   * @param origin its origin
   * @param size its tree size
   * @param rootHash its root hash, base64
   * @param signedAt when the log signed it
   * @param cosignatures each cosignature it carries
   */
  public record LatestCheckpoint(
      String origin,
      long size,
      String rootHash,
      Instant signedAt,
      List<CheckpointCosignature> cosignatures) {
    public LatestCheckpoint {
      cosignatures = List.copyOf(cosignatures);
    }
  }

  /**
   * One cosignature on the checkpoint, and whose witness made it.
   *
   * @param witness the witness's name (the key name of the signature line)
   * @param peer the peer whose witness key verifies it (its node id or configured name), or null
   *     when no peer's witness key does (a witness of {@code kimberlite.ledger.witnesses}, or one
   *     this node no longer goes by)
   * @param operator who runs that peer, or null
   * @param source where this node learnt of that witness key, or null
   * @param cosignedAt the time the cosignature states, or null when it is not verified
   */
  public record CheckpointCosignature(
      String witness,
      @Nullable String peer,
      @Nullable String operator,
      @Nullable PeerSource source,
      @Nullable Instant cosignedAt) {
    /** Whether a peer's witness key verifies it. */
    public boolean verified() {
      return cosignedAt != null;
    }
  }
}

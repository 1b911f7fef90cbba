package org.kimberlite.federation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.kimberlite.shared.ParticipantCode;

/**
 * The federation directory: which node serves which KP participant, with its keys and their
 * history. The secretariat's node publishes it signed with its trust-list key ({@link #TYPE}), each
 * version one higher than the last, committed to its log.
 *
 * @param version its version, from 1, never lower than one a node already holds
 * @param issuer the base URL of the node that published it
 * @param issuedAt when it was published
 * @param nodes every node
 */
public record Directory(long version, String issuer, Instant issuedAt, List<DirectoryNode> nodes) {
  /** The {@code typ} of a signed directory. */
  public static final String TYPE = "kimberlite-federation-directory+jwt";

  public Directory {
    nodes = List.copyOf(nodes);
  }

  /** The node {@code id}, if listed. */
  public Optional<DirectoryNode> node(String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
  }

  /** The node serving {@code participant}, if any. */
  public Optional<DirectoryNode> serving(ParticipantCode participant) {
    return nodes.stream().filter(n -> n.participants().contains(participant)).findFirst();
  }

  /** The node holding the transport key {@code kid}, if any. */
  public Optional<DirectoryNode> holder(String kid) {
    return nodes.stream().filter(n -> n.key(kid).isPresent()).findFirst();
  }
}

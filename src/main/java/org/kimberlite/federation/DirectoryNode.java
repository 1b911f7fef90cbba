package org.kimberlite.federation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;

/**
 * One node of the federation as the directory lists it.
 *
 * @param id its short, stable id (the {@code from} of its deliveries)
 * @param operator who runs it: a participant's code, {@code secretariat} or {@code industry:<name>}
 * @param url its base URL
 * @param logOrigin its log's checkpoint origin
 * @param logVkey its log's verifier key ({@code <name>+<hex key ID>+<base64>})
 * @param trustListKey the base64url raw public key its trust list is signed with
 * @param participants the KP participants whose authorities it serves
 * @param keys its transport keys, past and present
 * @param witnessVkey its witness's verifier key ({@code cosignature/v1}), or null when the
 *     directory names none (directories signed before witness keys were listed): the other nodes
 *     submit their checkpoints to this node's witness only when it is listed
 */
public record DirectoryNode(
    String id,
    String operator,
    String url,
    String logOrigin,
    String logVkey,
    String trustListKey,
    List<ParticipantCode> participants,
    List<NodeKey> keys,
    @Nullable String witnessVkey) {

  public DirectoryNode {
    participants = List.copyOf(participants);
    keys = List.copyOf(keys);
  }

  /** A node listed without a witness key. */
  public DirectoryNode(
      String id,
      String operator,
      String url,
      String logOrigin,
      String logVkey,
      String trustListKey,
      List<ParticipantCode> participants,
      List<NodeKey> keys) {
    this(id, operator, url, logOrigin, logVkey, trustListKey, participants, keys, null);
  }

  /** Its key {@code kid}, if listed. */
  public Optional<NodeKey> key(String kid) {
    return keys.stream().filter(k -> k.kid().equals(kid)).findFirst();
  }

  /** The key it signs with at {@code at}: the latest valid one. */
  public Optional<NodeKey> signingKey(Instant at) {
    return keys.stream()
        .filter(k -> k.validAt(at))
        .max(java.util.Comparator.comparing(NodeKey::from));
  }

  /** Its base URL without a trailing slash. */
  public String base() {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}

package org.kimberlite.federation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 */
public record DirectoryNode(
    String id,
    String operator,
    String url,
    String logOrigin,
    String logVkey,
    String trustListKey,
    List<ParticipantCode> participants,
    List<NodeKey> keys) {

  public DirectoryNode {
    participants = List.copyOf(participants);
    keys = List.copyOf(keys);
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

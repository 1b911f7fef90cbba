package org.kimberlite.federation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.ledger.CosignatureVerifier;
import org.kimberlite.ledger.NoteVerifier;

/**
 * A peer of this node: a log it witnesses, a witness it submits its own checkpoints to, or both.
 *
 * @param source where this node learnt of it
 * @param name the directory's node id, or the configured operator (its origin when none is given)
 * @param operator who runs it
 * @param origin its log's checkpoint origin; empty for a configured witness only
 * @param logKeys its log's verifier keys: this node cosigns that log's checkpoints; empty when it
 *     does not witness it
 * @param url its base URL without a trailing slash, or empty
 * @param witness its witness's key, or null: with {@code url}, this node submits its checkpoints
 *     there and keeps the cosignatures that verify with it
 */
public record FederationPeer(
    PeerSource source,
    String name,
    String operator,
    String origin,
    List<NoteVerifier> logKeys,
    String url,
    @Nullable CosignatureVerifier witness) {

  public FederationPeer {
    logKeys = List.copyOf(logKeys);
    url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Whether this node witnesses its log. */
  public boolean witnessed() {
    return !origin.isEmpty() && !logKeys.isEmpty();
  }

  /** Whether this node submits its own checkpoints to its witness. */
  public boolean submittedTo() {
    return !url.isEmpty() && witness != null;
  }

  /** Its log's verifier key as listed (the first, when configured with several). */
  public String logVkey() {
    return logKeys.isEmpty() ? "" : logKeys.get(0).vkey();
  }
}

package org.kimberlite.federation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A node's transport key as the directory lists it: an Ed25519 public key, valid from a time and,
 * once revoked, no longer from another.
 *
 * @param kid its RFC 7638 thumbprint, the {@code keyid} of the node's HTTP message signatures
 * @param x the base64url raw public key (the {@code x} of its JWK)
 * @param from from when it signs
 * @param revokedAt from when it signs nothing any more, or null
 */
public record NodeKey(String kid, String x, Instant from, @Nullable Instant revokedAt) {

  /** Whether a signature made at {@code at} by this key is accepted. */
  public boolean validAt(Instant at) {
    return !at.isBefore(from) && (revokedAt == null || at.isBefore(revokedAt));
  }
}

package org.kimberlite.registry;

import java.time.Instant;
import java.util.Optional;

/**
 * What a verifier knows of when a signature was made: the latest time it can have been made, from
 * evidence the verifier trusts (online, the time the transparency log recorded the signed record;
 * offline, the date the signed document states). A JWS itself carries no signing time. It decides
 * only for a revoked key: a signature made before the key's compromise still verifies, marked.
 */
@FunctionalInterface
public interface SigningTime {
  /** No evidence: a revoked key's signatures are all refused. */
  SigningTime UNKNOWN = (type, payload) -> Optional.empty();

  /** The latest time the signature of {@code type} over {@code payload} can have been made. */
  Optional<Instant> madeBy(String type, byte[] payload);

  /** Evidence that does not depend on the document: a time known otherwise. */
  static SigningTime atLatest(Instant at) {
    return (type, payload) -> Optional.of(at);
  }
}

package org.kimberlite.ledger;

import java.io.Serial;

/**
 * Thrown when a Merkle proof or a signature does not verify, or when a verified object does not
 * match what the caller expected (origin, index, size). Verifiers in this package fail closed.
 */
public class ProofException extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  public ProofException(String message) {
    super(message);
  }

  public ProofException(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.kimberlite.ledger;

/** What came of a witness's cosigned checkpoint: cosignatures kept, or why none. */
public sealed interface Cosigning {

  /** The cosignatures of known witnesses that verify; {@code count} were new. */
  record Accepted(int count) implements Cosigning {}

  /** The note is not a checkpoint this log signed; {@code reason} says why. */
  record NotOurCheckpoint(String reason) implements Cosigning {}

  /** A known witness's cosignature does not verify; nothing was kept. */
  record BadCosignature(String witness, String reason) implements Cosigning {}
}

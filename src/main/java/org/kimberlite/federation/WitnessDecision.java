package org.kimberlite.federation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.NoteSignature;

/**
 * What a witness answers to an {@code add-checkpoint} request (C2SP tlog-witness): the status each
 * case maps to is named on it.
 */
public sealed interface WitnessDecision {

  /**
   * 200: the checkpoint extends the one cosigned last. {@link WitnessPolicy} decides with no
   * cosignature yet; {@link Witness} returns the cosignatures it made and stored.
   */
  record Cosigned(Checkpoint checkpoint, List<NoteSignature> cosignatures)
      implements WitnessDecision {
    public Cosigned {
      cosignatures = List.copyOf(cosignatures);
    }
  }

  /** 404: this witness witnesses no log of that origin. */
  record UnknownOrigin(String origin) implements WitnessDecision {}

  /** 403: no signature by the log's key, or one by its key that does not verify. */
  record BadSignature(String reason) implements WitnessDecision {}

  /** 400: the request cannot be read (or its old size is above the checkpoint's size). */
  record Malformed(String reason) implements WitnessDecision {}

  /**
   * 409: the old size is not the size of the checkpoint cosigned last, which is {@code latestSize}
   * (0 when none). {@code evidence} is set when the checkpoint also contradicts that one.
   */
  record SizeMismatch(long latestSize, @Nullable Evidence evidence) implements WitnessDecision {}

  /**
   * 422: the checkpoint is not shown to extend the one cosigned last, and is not cosigned. {@code
   * evidence} is set when the peer signed a view this witness cannot reconcile with what it saw.
   */
  record Inconsistent(String reason, @Nullable Evidence evidence) implements WitnessDecision {}

  /** Why a signed checkpoint is evidence of a split view. */
  record Evidence(SplitViewKind kind, String reason) {}
}

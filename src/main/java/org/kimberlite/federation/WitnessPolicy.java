package org.kimberlite.federation;

import java.security.MessageDigest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.NoteVerifier;
import org.kimberlite.ledger.Notes;
import org.kimberlite.ledger.ProofException;
import org.kimberlite.ledger.ProofVerifier;
import org.kimberlite.ledger.Rfc6962;
import org.kimberlite.shared.Policy;

/**
 * Whether a witness cosigns a checkpoint (C2SP tlog-witness {@code add-checkpoint}), from the
 * request, the log's keys and the checkpoint it cosigned last. Pure: verifies signatures and
 * proofs, reads nothing else. A checkpoint that is not proven consistent with the one cosigned last
 * is never cosigned; where the log signed a contradicting view, the decision carries the evidence.
 */
@Policy
public final class WitnessPolicy {
  private WitnessPolicy() {}

  /**
   * Decides, in the order of the spec: origin, signature, old size against the checkpoint's size
   * (400), old size against the stored size (409), the empty tree, then consistency (422).
   *
   * @param logKeys the verifier keys this witness trusts for the checkpoint's origin; empty when it
   *     witnesses no log of that origin
   * @param stored the checkpoint of that origin cosigned last, or null when none
   */
  public static WitnessDecision decide(
      AddCheckpointRequest request,
      List<NoteVerifier> logKeys,
      @Nullable WitnessedCheckpoint stored) {
    Checkpoint checkpoint = request.checkpoint();
    if (logKeys.isEmpty()) {
      return new WitnessDecision.UnknownOrigin(checkpoint.origin());
    }
    try {
      Notes.open(request.note(), logKeys);
    } catch (ProofException e) {
      return new WitnessDecision.BadSignature(e.getMessage());
    }
    if (request.oldSize() > checkpoint.size()) {
      return new WitnessDecision.Malformed(
          "the old size "
              + request.oldSize()
              + " is above the checkpoint's size "
              + checkpoint.size());
    }
    long storedSize = stored == null ? 0 : stored.checkpoint().size();
    WitnessDecision.@Nullable Evidence fork = fork(checkpoint, stored);
    if (request.oldSize() != storedSize) {
      return new WitnessDecision.SizeMismatch(storedSize, fork);
    }
    if (checkpoint.size() == 0
        && !MessageDigest.isEqual(checkpoint.rootHash(), Rfc6962.emptyRoot())) {
      return new WitnessDecision.Inconsistent(
          "a checkpoint of size 0 must have the root hash of the empty tree", null);
    }
    if (request.oldSize() == 0) {
      return request.proof().isEmpty()
          ? new WitnessDecision.Cosigned(checkpoint, List.of())
          : new WitnessDecision.Inconsistent(
              "the consistency proof from the empty tree must be empty", null);
    }
    if (fork != null) {
      return new WitnessDecision.Inconsistent(fork.reason(), fork);
    }
    Checkpoint old = stored == null ? checkpoint : stored.checkpoint();
    try {
      ProofVerifier.verifyConsistency(
          old.size(), checkpoint.size(), old.rootHash(), checkpoint.rootHash(), request.proof());
    } catch (ProofException e) {
      if (old.size() == checkpoint.size()) {
        // Same size, same root: only the proof (which must be empty) is wrong.
        return new WitnessDecision.Inconsistent(e.getMessage(), null);
      }
      String reason =
          "no proof that size "
              + checkpoint.size()
              + " extends the cosigned size "
              + old.size()
              + ": "
              + e.getMessage();
      return new WitnessDecision.Inconsistent(
          reason, new WitnessDecision.Evidence(SplitViewKind.FAILED_PROOF, reason));
    }
    return new WitnessDecision.Cosigned(checkpoint, List.of());
  }

  /** Evidence of a fork: the checkpoint has the stored size but another root. */
  private static WitnessDecision.@Nullable Evidence fork(
      Checkpoint checkpoint, @Nullable WitnessedCheckpoint stored) {
    if (stored == null
        || stored.checkpoint().size() != checkpoint.size()
        || MessageDigest.isEqual(stored.checkpoint().rootHash(), checkpoint.rootHash())) {
      return null;
    }
    return new WitnessDecision.Evidence(
        SplitViewKind.CONFLICTING_ROOTS,
        "two signed checkpoints of size " + checkpoint.size() + " with different root hashes");
  }
}

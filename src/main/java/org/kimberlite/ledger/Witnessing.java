package org.kimberlite.ledger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kimberlite.ledger.internal.CheckpointCache;
import org.kimberlite.ledger.internal.LedgerRepository;
import org.kimberlite.ledger.internal.LogKeys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cosignatures from witnesses (C2SP tlog-cosignature, Ed25519 {@code cosignature/v1}). A witness
 * sends back the log's own checkpoint with its cosignature line added; only witnesses listed in
 * {@code kimberlite.ledger.witnesses} are kept, and only for checkpoints this log signed.
 */
@Service
public class Witnessing {
  private final LedgerRepository repository;
  private final LogKeys keys;
  private final LedgerProperties properties;
  private final List<CosignatureVerifier> witnesses;
  private final Clock clock;
  private final CheckpointCache served;

  Witnessing(
      LedgerRepository repository,
      LogKeys keys,
      LedgerProperties properties,
      Clock clock,
      CheckpointCache served) {
    this.served = served;
    this.repository = repository;
    this.keys = keys;
    this.properties = properties;
    this.clock = clock;
    List<CosignatureVerifier> list = new ArrayList<>();
    for (String vkey : properties.witnesses()) {
      if (!vkey.isBlank()) {
        list.add(CosignatureVerifier.parse(vkey.strip()));
      }
    }
    this.witnesses = List.copyOf(list);
  }

  /**
   * Stores the cosignatures of known witnesses found on a checkpoint. Every known witness's
   * cosignature must verify before any is kept.
   */
  @Transactional
  public Cosigning accept(String note) {
    return accept(note, List.of());
  }

  /**
   * As {@link #accept(String)}, trusting also {@code alsoTrusted}: the witnesses of peer nodes this
   * log submits its checkpoints to (the federation's peers).
   */
  @Transactional
  public Cosigning accept(String note, List<CosignatureVerifier> alsoTrusted) {
    List<CosignatureVerifier> trusted = new ArrayList<>(witnesses);
    for (CosignatureVerifier w : alsoTrusted) {
      if (trusted.stream().noneMatch(t -> t.vkey().equals(w.vkey()))) {
        trusted.add(w);
      }
    }
    Note parsed;
    Checkpoint checkpoint;
    try {
      // The log's own signature must verify; the witnesses' lines are checked one by one below.
      Notes.open(note, List.of(keys.verifier()));
      parsed = Notes.parse(note);
      checkpoint = Checkpoint.parseBody(parsed.text());
    } catch (LogFormatException | ProofException e) {
      return new Cosigning.NotOurCheckpoint(
          "The note is not a checkpoint signed by this log: " + e.getMessage());
    }
    if (!checkpoint.origin().equals(properties.origin())) {
      return new Cosigning.NotOurCheckpoint("Wrong origin line.");
    }
    var stored = repository.checkpointAt(checkpoint.size());
    if (stored.isEmpty() || !Arrays.equals(stored.get().root(), checkpoint.rootHash())) {
      return new Cosigning.NotOurCheckpoint(
          "This log signed no checkpoint of size " + checkpoint.size() + " with that root.");
    }
    record Verified(String witness, String line, long time) {}
    List<Verified> verified = new ArrayList<>();
    for (NoteSignature signature : parsed.signatures()) {
      for (CosignatureVerifier witness : trusted) {
        if (!witness.name().equals(signature.name()) || witness.keyId() != signature.keyId()) {
          continue;
        }
        try {
          long time = witness.verify(checkpoint, signature);
          verified.add(new Verified(witness.name(), signature.line().stripTrailing(), time));
        } catch (ProofException e) {
          return new Cosigning.BadCosignature(witness.name(), e.getMessage());
        }
      }
    }
    List<String> known = repository.cosignatureLines(checkpoint.size());
    int accepted = 0;
    for (Verified v : verified) {
      if (!known.contains(v.line())) {
        // One cosignature per witness and checkpoint: a newer one replaces the older.
        repository.replaceCosignature(
            checkpoint.size(), v.witness(), v.line(), v.time(), clock.instant());
        accepted++;
      }
    }
    if (accepted > 0) {
      served.changing(); // the served checkpoint shows the new cosignatures
    }
    return new Cosigning.Accepted(accepted);
  }
}

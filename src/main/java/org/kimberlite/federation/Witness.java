package org.kimberlite.federation;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.federation.internal.FederationMetrics;
import org.kimberlite.federation.internal.FederationRepository;
import org.kimberlite.federation.internal.WitnessKeys;
import org.kimberlite.ledger.Cosigner;
import org.kimberlite.ledger.LogFormatException;
import org.kimberlite.ledger.NoteSignature;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * This node as a witness of its peers' logs (C2SP tlog-witness): decides each {@code
 * add-checkpoint} with {@link WitnessPolicy}, cosigns and records the checkpoint atomically, and
 * keeps the evidence of a split view. Only the logs of its peers ({@link FederationPeers}: the
 * other nodes of the directory, and configured peers) are witnessed.
 */
@Service
public class Witness {
  private static final Logger log = LoggerFactory.getLogger(Witness.class);
  private final FederationRepository repository;
  private final Cosigner cosigner;
  private final FederationMetrics metrics;
  private final Clock clock;
  private final FederationPeers peers;

  Witness(
      FederationPeers peers,
      FederationRepository repository,
      WitnessKeys keys,
      FederationMetrics metrics,
      Clock clock) {
    this.peers = peers;
    this.repository = repository;
    this.cosigner = keys.cosigner();
    this.metrics = metrics;
    this.clock = clock;
  }

  /** This witness's verifier key, {@code <name>+<hex key ID>+<base64(0x04 || key)>}. */
  public String vkey() {
    return cosigner.vkey();
  }

  public String name() {
    return cosigner.name();
  }

  /**
   * Answers an {@code add-checkpoint} request body. A checkpoint is cosigned only when it is proven
   * to extend the one cosigned last and that one is still the one stored when it is replaced; a
   * split view is kept as evidence, counted and logged at ERROR.
   */
  public WitnessDecision addCheckpoint(byte[] body) {
    WitnessDecision decision = decide(body);
    metrics.answered(outcome(decision));
    return decision;
  }

  private WitnessDecision decide(byte[] body) {
    AddCheckpointRequest request;
    try {
      request = AddCheckpointRequest.parse(body);
    } catch (LogFormatException e) {
      return new WitnessDecision.Malformed(e.getMessage());
    }
    String origin = request.checkpoint().origin();
    WitnessedCheckpoint stored = repository.witnessed(origin).orElse(null);
    WitnessDecision decision =
        WitnessPolicy.decide(request, peers.current().logKeys(origin), stored);
    WitnessDecision.@Nullable Evidence evidence =
        switch (decision) {
          case WitnessDecision.SizeMismatch m -> m.evidence();
          case WitnessDecision.Inconsistent i -> i.evidence();
          default -> null;
        };
    if (evidence != null && stored != null) {
      keep(evidence, stored, request);
    }
    if (!(decision instanceof WitnessDecision.Cosigned cosigned)) {
      return decision;
    }
    Instant now = clock.instant();
    if (!repository.advance(
        stored == null ? null : stored.checkpoint(), cosigned.checkpoint(), request.note(), now)) {
      long latest = repository.witnessed(origin).map(w -> w.checkpoint().size()).orElse(0L);
      return new WitnessDecision.SizeMismatch(latest, null);
    }
    NoteSignature cosignature = cosigner.cosign(cosigned.checkpoint(), now.getEpochSecond());
    return new WitnessDecision.Cosigned(cosigned.checkpoint(), List.of(cosignature));
  }

  private void keep(
      WitnessDecision.Evidence evidence, WitnessedCheckpoint stored, AddCheckpointRequest request) {
    keep(stored, evidence.kind(), evidence.reason(), request.checkpoint().size(), request.note());
  }

  /** The checkpoint of a peer's log that this node cosigned last, when it witnesses that log. */
  public Optional<WitnessedCheckpoint> witnessed(String origin) {
    return peers.current().logKeys(origin).isEmpty()
        ? Optional.empty()
        : repository.witnessed(origin);
  }

  /**
   * Keeps the evidence of a split view this node saw otherwise than on {@code add-checkpoint} (a
   * delivery proved by a checkpoint that contradicts the one cosigned, FED-09): counted and logged
   * at ERROR like the witness's own.
   */
  public SplitView keep(
      WitnessedCheckpoint stored,
      SplitViewKind kind,
      String reason,
      long presentedSize,
      String presentedNote) {
    SplitView view =
        new SplitView(
            UUID.randomUUID(),
            stored.checkpoint().origin(),
            kind,
            reason,
            stored.checkpoint().size(),
            stored.note(),
            presentedSize,
            presentedNote,
            clock.instant());
    repository.keep(view);
    metrics.splitView(kind);
    log.error(
        "SPLIT VIEW of {} ({}): {}; evidence {} kept (cosigned size {}, presented size {})",
        view.origin(),
        view.kind(),
        view.reason(),
        view.id(),
        view.cosignedSize(),
        view.presentedSize());
    return view;
  }

  private static String outcome(WitnessDecision decision) {
    return switch (decision) {
      case WitnessDecision.Cosigned c -> "cosigned";
      case WitnessDecision.Malformed m -> "malformed";
      case WitnessDecision.BadSignature b -> "bad-signature";
      case WitnessDecision.UnknownOrigin u -> "unknown-origin";
      case WitnessDecision.SizeMismatch s -> "size-mismatch";
      case WitnessDecision.Inconsistent i -> "inconsistent";
    };
  }

  /** The peer logs this node witnesses, with the size it cosigned last. */
  public List<WitnessedLog> witnessedLogs() {
    Map<String, WitnessedCheckpoint> stored = new HashMap<>();
    repository.allWitnessed().forEach(w -> stored.put(w.checkpoint().origin(), w));
    return peers.current().witnessed().stream()
        .sorted(Comparator.comparing(FederationPeer::origin))
        .map(
            p -> {
              WitnessedCheckpoint w = stored.get(p.origin());
              return new WitnessedLog(
                  p.name(),
                  p.operator(),
                  p.source(),
                  p.origin(),
                  p.logVkey(),
                  w == null ? 0 : w.checkpoint().size(),
                  w == null ? null : w.cosignedAt());
            })
        .toList();
  }

  /** Why the peers refused are refused (FED-10): public, like the peers. */
  public List<String> refusedPeers() {
    return peers.current().refused();
  }

  /** Whether the caller runs this node: the KP secretariat or a KP authority. */
  public static boolean operates(Caller caller) {
    return caller.hasAny(OrganisationRole.KP_SECRETARIAT, OrganisationRole.KP_AUTHORITY);
  }

  /** The split views kept, newest first, for the node's operators. */
  public OperatorView<List<SplitView>> splitViews(Caller caller, int page, int size) {
    if (!operates(caller)) {
      return new OperatorView.NotAllowed<>();
    }
    return new OperatorView.Shown<>(repository.splitViews(page, size));
  }
}

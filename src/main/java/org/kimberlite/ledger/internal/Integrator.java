package org.kimberlite.ledger.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.CompactRange;
import org.kimberlite.ledger.HashReader;
import org.kimberlite.ledger.LedgerProperties;
import org.kimberlite.ledger.Notes;
import org.kimberlite.ledger.ProofVerifier;
import org.kimberlite.ledger.StoredHash;
import org.kimberlite.ledger.TreeMath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only writer of the tree. Processes elect one integrator through a lease on the head row; the
 * integrator takes pending entries in commit order, assigns the next indexes, stores every
 * completed subtree hash, checks the new head against the last checkpoint and signs a new
 * checkpoint, all in one transaction that holds the head row locked. A crash at any point rolls the
 * whole round back: no index is given twice, none is lost, and no two checkpoints disagree.
 */
@Component
public class Integrator implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(Integrator.class);

  private final LedgerRepository repository;
  private final Election election;
  private final LogKeys keys;
  private final LedgerProperties properties;
  private final IntegrationSignal signal;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final CheckpointCache served;
  private final String node =
      ManagementFactory.getRuntimeMXBean().getName()
          + "/"
          + UUID.randomUUID().toString().substring(0, 8);
  private volatile boolean running;
  private Thread thread;

  public Integrator(
      LedgerRepository repository,
      Election election,
      LogKeys keys,
      LedgerProperties properties,
      IntegrationSignal signal,
      TransactionTemplate tx,
      Clock clock,
      CheckpointCache served) {
    this.served = served;
    this.repository = repository;
    this.election = election;
    this.keys = keys;
    this.properties = properties;
    this.signal = signal;
    this.tx = tx;
    this.clock = clock;
    this.thread = new Thread(() -> {}, "unused");
  }

  /** This process's name in the election and in {@code ledger_checkpoint.created_by}. */
  public String node() {
    return node;
  }

  @Override
  public void start() {
    String vkey = keys.signer().vkey();
    String recorded = tx.execute(status -> repository.claimVkey(vkey));
    if (!vkey.equals(recorded)) {
      throw new IllegalStateException(
          "This log was signed with key "
              + recorded
              + " but the configured key is "
              + vkey
              + ": refusing to start (set kimberlite.ledger.key to the log's key)");
    }
    log.info("Transparency log {} verifier key: {}", properties.origin(), vkey);
    if (!properties.integrate()) {
      return;
    }
    running = true;
    thread = Thread.ofPlatform().daemon().name("ledger-integrator").start(this::loop);
  }

  @Override
  public void stop() {
    running = false;
    signal.raise();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    election.resign();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @org.kimberlite.shared.SuppressForbidden(
      "the integrator's own background thread backs off after a failed round; no request waits")
  private void loop() {
    while (running) {
      try {
        if (lead()) {
          while (running && integrateOnce() > 0) {
            // keep going while there is a backlog
          }
        }
        signal.await(properties.interval().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("Integration round failed; it will be retried: {}", e.toString());
        try {
          Thread.sleep(properties.interval().toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private boolean lead() {
    return election.lead();
  }

  /**
   * One round: integrates up to a batch of pending entries and signs a checkpoint for the new size
   * (also for the empty tree on first start). Returns the number of entries integrated.
   */
  public int integrateOnce() {
    Integer done = tx.execute(status -> round());
    if (done != null && done > 0) {
      signal.integrated();
    }
    return done == null ? 0 : done;
  }

  private int round() {
    LedgerRepository.State state = repository.lockState();
    List<LedgerRepository.Pending> pending = repository.pending(properties.batchSize());
    var latest = repository.latestCheckpoint();
    if (pending.isEmpty() && latest.isPresent() && latest.get().size() == state.size()) {
      return 0;
    }
    Map<Long, byte[]> added = new HashMap<>();
    HashReader reader =
        (level, index) -> {
          byte[] h = added.get(key(level, index));
          if (h == null) {
            h = repository.node(level, index);
          }
          if (h == null) {
            throw new IllegalStateException("Missing stored hash " + level + "/" + index);
          }
          return h;
        };
    long size = state.size();
    List<StoredHash> nodes = new ArrayList<>();
    List<UUID> ids = new ArrayList<>();
    for (LedgerRepository.Pending p : pending) {
      for (StoredHash h : CompactRange.appendLeaf(size, p.leafHash(), reader)) {
        added.put(key(h.level(), h.index()), h.hash());
        nodes.add(h);
      }
      ids.add(p.id());
      size++;
    }
    if (!ids.isEmpty()) {
      repository.insertNodes(nodes);
      repository.assignIndexes(ids, state.size());
    }
    byte[] root = TreeMath.rootHash(size, reader);
    if (latest.isPresent() && latest.get().size() > 0) {
      // Never sign a head that does not extend the last signed one.
      long oldSize = latest.get().size();
      ProofVerifier.verifyConsistency(
          oldSize,
          size,
          latest.get().root(),
          root,
          TreeMath.consistencyProof(oldSize, size, reader));
    }
    String note =
        Notes.sign(
            new Checkpoint(properties.origin(), size, root, List.of()).body(), keys.signer());
    served.changing(); // the served checkpoint is not kept across this commit
    repository.insertCheckpoint(size, root, note, clock.instant(), node);
    repository.updateHead(size, root, node);
    return ids.size();
  }

  private static long key(int level, long index) {
    // Levels fit in 6 bits and indexes below 2^57 in the rest: a unique key per stored hash.
    return ((long) level << 57) | index;
  }
}

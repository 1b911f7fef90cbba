package org.kimberlite.custody.internal.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kimberlite.custody.CaptureBatch;
import org.kimberlite.custody.EpcRef;
import org.kimberlite.custody.ParsedEvent;
import org.kimberlite.custody.internal.rules.Goods;
import org.kimberlite.custody.internal.rules.Holdings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Walks the events of a batch in document order over the goods' stored state, so each event is
 * judged on the state the events before it leave (commissioning then shipping in one document
 * works). Every event is assumed to happen; a refused one refuses the document by default, and with
 * {@code proceed} the state kept is recomputed from the events actually stored.
 */
@Component
public class Replay {
  private final GoodsRepository goods;

  /**
   * The key of the state last read in the current transaction (a resource of the transaction, let
   * go when it completes).
   */
  private final Object readKey = new Object();

  /** What {@link #run} read for one capture job, before any of its events. */
  private record Read(UUID captureId, Set<String> ids, Map<String, Goods> found) {}

  public Replay(GoodsRepository goods) {
    this.goods = goods;
  }

  /**
   * One event under the profile.
   *
   * @param before what was known of every identifier it names before it (absent: not on record)
   * @param after the identifiers it changes, with what is known afterwards
   */
  public record Step(
      ParsedEvent event, ProfileFacts facts, Map<String, Goods> before, Map<String, Goods> after) {
    public Step {
      before = Map.copyOf(before);
      after = Map.copyOf(after);
    }

    public Holdings.Move move() {
      return facts.move();
    }
  }

  /** The batch's events under the profile, in order, each with the state around it. */
  public List<Step> run(CaptureBatch batch) {
    Set<String> ids = new HashSet<>();
    for (ParsedEvent e : batch.events()) {
      for (EpcRef ref : e.epcs()) {
        ids.add(ref.canonical());
      }
    }
    Map<String, Goods> state = new HashMap<>(find(batch.captureId(), ids));
    List<Step> steps = new ArrayList<>();
    for (ParsedEvent e : batch.events()) {
      ProfileFacts facts = ProfileFacts.read(e, batch.organisationId());
      List<String> named = Holdings.named(facts.move());
      boolean under = facts.marked() || named.stream().anyMatch(state::containsKey);
      if (!under) {
        continue;
      }
      Map<String, Goods> before = new HashMap<>();
      for (String id : named) {
        Goods g = state.get(id);
        if (g != null) {
          before.put(id, g);
        }
      }
      Map<String, Goods> after = Holdings.apply(facts.move(), before);
      state.putAll(after);
      steps.add(new Step(e, facts, before, after));
    }
    return steps;
  }

  /**
   * Keeps the state the stored events of {@code batch} leave, in the capture's transaction.
   *
   * @return the steps stored, in order
   */
  public List<Step> store(CaptureBatch stored) {
    List<Step> steps = run(stored);
    // What each identifier is after the batch, and the event that left it so: one write per batch.
    Map<String, Goods> last = new HashMap<>();
    Map<String, String> lastEvent = new HashMap<>();
    for (Step s : steps) {
      last.putAll(s.after());
      s.after().keySet().forEach(id -> lastEvent.put(id, s.event().hashId()));
    }
    TransactionSynchronizationManager.unbindResourceIfPossible(readKey);
    goods.save(last, lastEvent);
    return steps;
  }

  /**
   * The stored state of {@code ids} before the job's events. The checks replay the job and its
   * store replays the events kept, in the same transaction with no write of the goods in between,
   * so the second replay reuses what the first read (the ids it needs are among those read) rather
   * than reading it again; the state is let go before the job writes the goods, and at the end of
   * the transaction.
   */
  private Map<String, Goods> find(UUID captureId, Set<String> ids) {
    if (TransactionSynchronizationManager.getResource(readKey) instanceof Read read
        && read.captureId().equals(captureId)
        && read.ids().containsAll(ids)) {
      Map<String, Goods> out = new HashMap<>();
      read.found()
          .forEach(
              (id, g) -> {
                if (ids.contains(id)) {
                  out.put(id, g);
                }
              });
      return out;
    }
    Map<String, Goods> found = goods.find(ids);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      boolean fresh = TransactionSynchronizationManager.unbindResourceIfPossible(readKey) == null;
      TransactionSynchronizationManager.bindResource(
          readKey, new Read(captureId, Set.copyOf(ids), Map.copyOf(found)));
      if (fresh) {
        TransactionSynchronizationManager.registerSynchronization(
            new TransactionSynchronization() {
              @Override
              public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(readKey);
              }
            });
      }
    }
    return found;
  }
}

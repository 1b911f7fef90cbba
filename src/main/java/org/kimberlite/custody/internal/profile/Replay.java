package org.kimberlite.custody.internal.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kimberlite.custody.CaptureBatch;
import org.kimberlite.custody.EpcRef;
import org.kimberlite.custody.ParsedEvent;
import org.kimberlite.custody.internal.rules.Goods;
import org.kimberlite.custody.internal.rules.Holdings;
import org.springframework.stereotype.Component;

/**
 * Walks the events of a batch in document order over the goods' stored state, so each event is
 * judged on the state the events before it leave (commissioning then shipping in one document
 * works). Every event is assumed to happen; a refused one refuses the document by default, and with
 * {@code proceed} the state kept is recomputed from the events actually stored.
 */
@Component
public class Replay {
  private final GoodsRepository goods;

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
    Map<String, Goods> state = new HashMap<>(goods.find(ids));
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
    goods.save(last, lastEvent);
    return steps;
  }
}

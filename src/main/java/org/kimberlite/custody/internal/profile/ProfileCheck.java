package org.kimberlite.custody.internal.profile;

import java.util.ArrayList;
import java.util.List;
import org.kimberlite.custody.CaptureBatch;
import org.kimberlite.custody.internal.rules.Breach;

/**
 * A check of the diamond profile: judges each event under the profile on the goods' state the
 * events before it leave ({@link Replay}), and answers its breaches under their rule IDs (a
 * blocking breach refuses, a flag is stored with the event). {@link ProfileChecks} runs them all on
 * one replay of the batch.
 */
abstract class ProfileCheck {

  /** The breaches of one event: each with the JSON pointer it concerns (empty: the event). */
  abstract List<Located> judge(Replay.Step step, CaptureBatch batch);

  /**
   * The breaches of every step of one batch, in order (one list per step). A check that looks
   * things up once per batch rather than once per event overrides this.
   */
  List<List<Located>> judgeAll(List<Replay.Step> steps, CaptureBatch batch) {
    List<List<Located>> out = new ArrayList<>(steps.size());
    for (Replay.Step step : steps) {
      out.add(judge(step, batch));
    }
    return out;
  }

  record Located(Breach breach, String pointer) {
    static List<Located> all(List<Breach> breaches, String pointer) {
      return breaches.stream().map(b -> new Located(b, pointer)).toList();
    }
  }
}

package org.kimberlite.custody.internal.profile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kimberlite.custody.CaptureBatch;
import org.kimberlite.custody.CustodyState;
import org.kimberlite.custody.EventChecks;
import org.kimberlite.custody.Finding;
import org.kimberlite.custody.internal.rules.Breach;

/**
 * A check of the diamond profile: judges each event under the profile on the goods' state the
 * events before it leave ({@link Replay}), and answers its breaches as findings under their rule
 * IDs (a blocking breach refuses, a flag is stored with the event).
 */
abstract class ProfileCheck implements EventChecks {
  private final Replay replay;

  ProfileCheck(Replay replay) {
    this.replay = replay;
  }

  /** The breaches of one event: each with the JSON pointer it concerns (empty: the event). */
  abstract List<Located> judge(Replay.Step step, CaptureBatch batch);

  record Located(Breach breach, String pointer) {
    static List<Located> all(List<Breach> breaches, String pointer) {
      return breaches.stream().map(b -> new Located(b, pointer)).toList();
    }
  }

  @Override
  public List<Finding> check(CaptureBatch batch, CustodyState state) {
    List<Finding> out = new ArrayList<>();
    for (Replay.Step step : replay.run(batch)) {
      Set<Located> seen = new LinkedHashSet<>(judge(step, batch));
      for (Located l : seen) {
        Breach b = l.breach();
        int index = step.event().index();
        out.add(
            b.blocks()
                ? Finding.refuse(index, b.rule(), l.pointer(), b.message())
                : Finding.flag(index, b.rule(), l.pointer(), b.message()));
      }
    }
    return out;
  }
}

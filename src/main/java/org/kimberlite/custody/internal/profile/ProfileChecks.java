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
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The diamond profile's checks, run on one replay of the batch: the goods' state is read once and
 * every event is judged by each check in its order. Findings come out event by event, and within an
 * event check by check.
 */
@Component
@Order(250)
class ProfileChecks implements EventChecks {
  private final Replay replay;
  private final List<ProfileCheck> checks;

  ProfileChecks(Replay replay, List<ProfileCheck> checks) {
    this.replay = replay;
    this.checks = List.copyOf(checks);
  }

  @Override
  public List<Finding> check(CaptureBatch batch, CustodyState state) {
    List<Replay.Step> steps = replay.run(batch);
    List<List<List<ProfileCheck.Located>>> byCheck = new ArrayList<>(checks.size());
    for (ProfileCheck check : checks) {
      byCheck.add(check.judgeAll(steps, batch));
    }
    List<Finding> out = new ArrayList<>();
    for (int s = 0; s < steps.size(); s++) {
      int index = steps.get(s).event().index();
      for (List<List<ProfileCheck.Located>> judged : byCheck) {
        Set<ProfileCheck.Located> seen = new LinkedHashSet<>(judged.get(s));
        for (ProfileCheck.Located l : seen) {
          Breach b = l.breach();
          out.add(
              b.blocks()
                  ? Finding.refuse(index, b.rule(), l.pointer(), b.message())
                  : Finding.flag(index, b.rule(), l.pointer(), b.message()));
        }
      }
    }
    return out;
  }
}

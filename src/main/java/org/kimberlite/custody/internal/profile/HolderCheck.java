package org.kimberlite.custody.internal.profile;

import java.util.List;
import org.kimberlite.custody.CaptureBatch;
import org.kimberlite.custody.internal.rules.Holdings;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * CUS-03: only the current holder ships, transforms, aggregates or sells goods; only the party a
 * shipment is addressed to receives it; goods on record are not commissioned again by another.
 */
@Component
@Order(300)
class HolderCheck extends ProfileCheck {
  @Override
  List<Located> judge(Replay.Step step, CaptureBatch batch) {
    return Located.all(Holdings.mayMove(step.move(), step.before()), "");
  }
}

package org.kimberlite.custody.internal.profile;

import java.util.List;
import org.kimberlite.custody.CaptureBatch;
import org.kimberlite.custody.internal.rules.Breach;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** CUS-01 for the diamond profile: the profile's values are read as the vocabulary defines them. */
@Component
@Order(250)
class ProfileVocabularyCheck extends ProfileCheck {
  @Override
  List<Located> judge(Replay.Step step, CaptureBatch batch) {
    return step.facts().faults().stream()
        .map(f -> new Located(new Breach("CUS-01", Breach.Effect.BLOCK, f.message()), f.pointer()))
        .toList();
  }
}

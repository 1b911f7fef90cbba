package org.kimberlite.custody.internal.profile;

import java.util.ArrayList;
import java.util.List;
import org.kimberlite.custody.CaptureBatch;
import org.kimberlite.custody.internal.rules.Goods;
import org.kimberlite.custody.internal.rules.GoodsKind;
import org.kimberlite.custody.internal.rules.Holdings;
import org.kimberlite.custody.internal.rules.Yield;
import org.kimberlite.shared.Carats;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * CUS-04: a transformation of rough inputs into polished outputs yields polished carats within the
 * band of the rough carats. Judged only when every input and output has a weight; flags.
 */
@Component
@Order(340)
class YieldCheck extends ProfileCheck {
  private final Yield yield = new Yield();

  @Override
  List<Located> judge(Replay.Step step, CaptureBatch batch) {
    Holdings.Move move = step.move();
    if (move.step() != Holdings.Step.TRANSFORMING
        || move.inputs().isEmpty()
        || move.outputs().isEmpty()) {
      return List.of();
    }
    List<Carats> in = new ArrayList<>();
    for (String id : move.inputs()) {
      Goods g = step.before().get(id);
      Carats c = move.declared().carats().get(id);
      if (c == null && g != null) {
        c = g.carats();
      }
      if (g == null || g.kind() != GoodsKind.ROUGH || c == null) {
        return List.of();
      }
      in.add(c);
    }
    List<Carats> out = new ArrayList<>();
    for (String id : move.outputs()) {
      Goods g = step.after().get(id);
      if (g == null || g.kind() != GoodsKind.POLISHED || g.carats() == null) {
        return List.of();
      }
      out.add(g.carats());
    }
    Carats rough = Carats.sum(in);
    if (rough.isZero()) {
      return List.of();
    }
    return Located.all(yield.check(rough, Carats.sum(out)).breaches(), "/outputQuantityList");
  }
}

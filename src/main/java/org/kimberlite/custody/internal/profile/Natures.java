package org.kimberlite.custody.internal.profile;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.Nature;
import org.kimberlite.custody.internal.rules.Goods;
import org.kimberlite.custody.internal.rules.GoodsKind;

/** What the goods an event names are, as the event sees them. */
final class Natures {
  private Natures() {}

  /** The goods as they stand after the event (or before it, when it changes nothing of them). */
  static @Nullable Goods goods(Replay.Step step, String id) {
    Goods g = step.after().get(id);
    return g != null ? g : step.before().get(id);
  }

  /** The natures of the objects the event names (null for goods with none). */
  static List<@Nullable Nature> ofObjects(Replay.Step step) {
    List<@Nullable Nature> out = new ArrayList<>();
    for (String id : step.move().objects()) {
      Goods g = goods(step, id);
      out.add(g == null ? step.move().declared().nature() : g.nature());
    }
    return out;
  }

  /** What the event trades: as it declares, else as the goods are known, else rough. */
  static GoodsKind kind(Replay.Step step) {
    if (step.move().declared().kind() != null) {
      return step.move().declared().kind();
    }
    for (String id : step.move().objects()) {
      Goods g = goods(step, id);
      if (g != null && g.kind() != null) {
        return g.kind();
      }
    }
    return GoodsKind.ROUGH;
  }
}

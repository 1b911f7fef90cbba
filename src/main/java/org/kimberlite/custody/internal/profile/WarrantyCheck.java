package org.kimberlite.custody.internal.profile;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.kimberlite.custody.CaptureBatch;
import org.kimberlite.custody.Nature;
import org.kimberlite.custody.internal.rules.CarryForward;
import org.kimberlite.custody.internal.rules.Goods;
import org.kimberlite.custody.internal.rules.Holdings;
import org.kimberlite.custody.internal.rules.WarrantyStatements;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * SOW-01 and SOW-02: an invoice ({@code inv} transaction) for natural or unscreened goods carries a
 * warranty statement valid on the invoice's date (the event's date in its own time zone); SOW-04:
 * goods are shipped with a warranty only when they were received (or produced) with one; SOW-06: a
 * retail sale needs none.
 */
@Component
@Order(320)
class WarrantyCheck extends ProfileCheck {
  private final WarrantyStatements statements = new WarrantyStatements();

  @Override
  List<Located> judge(Replay.Step step, CaptureBatch batch) {
    List<Located> out = new ArrayList<>();
    Holdings.Move move = step.move();
    if (move.step() == Holdings.Step.RETAIL_SELLING) {
      return out;
    }
    String pointer = step.facts().warranty() == null ? "" : "/kimberlite:warranty";
    if (step.facts().invoice()) {
      boolean natural =
          Natures.ofObjects(step).stream()
              .anyMatch(n -> n == Nature.NATURAL || n == Nature.UNSCREENED);
      if (natural) {
        LocalDate date =
            step.event()
                .eventTime()
                .atOffset(ZoneOffset.of(step.event().eventTimeZoneOffset()))
                .toLocalDate();
        out.addAll(
            Located.all(
                statements.check(step.facts().warranty(), Natures.kind(step), date).breaches(),
                pointer));
      }
    }
    if (step.facts().warranty() != null && move.step() == Holdings.Step.SHIPPING) {
      for (String id : move.objects()) {
        Goods g = step.before().get(id);
        if (g != null && g.nature() != Nature.LABORATORY_GROWN) {
          out.addAll(Located.all(CarryForward.giveWarranty(g.warranted()).breaches(), pointer));
        }
      }
    }
    return out;
  }
}

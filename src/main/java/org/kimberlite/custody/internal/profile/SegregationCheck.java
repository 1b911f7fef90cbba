package org.kimberlite.custody.internal.profile;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.CaptureBatch;
import org.kimberlite.custody.Nature;
import org.kimberlite.custody.internal.rules.Breach;
import org.kimberlite.custody.internal.rules.CarryForward;
import org.kimberlite.custody.internal.rules.Goods;
import org.kimberlite.custody.internal.rules.Holdings;
import org.kimberlite.custody.internal.rules.Origins;
import org.kimberlite.custody.internal.rules.Segregation;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * LGD-01 to LGD-04: new goods have a nature; inputs never mix natural and laboratory-grown goods;
 * laboratory-grown goods never go under a KP certificate or a warranty; screening results.
 */
@Component
@Order(310)
class SegregationCheck extends ProfileCheck {
  @Override
  List<Located> judge(Replay.Step step, CaptureBatch batch) {
    List<Located> out = new ArrayList<>();
    Holdings.Move move = step.move();
    switch (move.step()) {
      case COMMISSIONING, RECEIVING -> {
        boolean fresh = move.objects().stream().anyMatch(id -> !step.before().containsKey(id));
        if (fresh && move.declared().nature() == null) {
          out.add(
              new Located(
                  new Breach(
                      "LGD-01",
                      Breach.Effect.BLOCK,
                      "goods new to the chain of custody are given a kimberlite:nature (natural,"
                          + " laboratory-grown or unscreened)"),
                  ""));
        }
      }
      case AGGREGATING, TRANSFORMING -> {
        List<CarryForward.Input> inputs = new ArrayList<>();
        for (String id : move.inputs()) {
          Goods g = step.before().get(id);
          inputs.add(
              g == null
                  ? new CarryForward.Input(Origins.MIXED, null, false)
                  : new CarryForward.Input(g.origins(), g.nature(), g.warranted()));
        }
        if (inputs.size() <= Segregation.MAX_INPUTS) {
          out.addAll(Located.all(CarryForward.forward(inputs).breaches(), ""));
        }
      }
      case INSPECTING -> {
        Nature result = step.facts().screening();
        if (result != null) {
          for (String id : move.objects()) {
            Goods g = step.before().get(id);
            @Nullable Nature declared = g == null ? null : g.nature();
            out.addAll(Located.all(Segregation.screen(declared, result).breaches(), ""));
          }
        }
      }
      default -> {}
    }
    List<@Nullable Nature> natures = Natures.ofObjects(step);
    if (!step.facts().certificates().isEmpty() && !natures.isEmpty()) {
      out.addAll(
          Located.all(Segregation.onKpCertificate(natures).breaches(), "/bizTransactionList"));
    }
    if (step.facts().warranty() != null && !natures.isEmpty()) {
      out.addAll(Located.all(Segregation.underWarranty(natures).breaches(), ""));
    }
    return out.stream().filter(l -> l.breach().rule().startsWith("LGD")).toList();
  }
}

package org.kimberlite.custody.internal.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.Nature;
import org.kimberlite.custody.internal.profile.Replay;
import org.kimberlite.custody.internal.rules.Goods;
import org.kimberlite.custody.internal.rules.Holdings;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.UsdAmount;
import org.springframework.stereotype.Component;

/**
 * Turns the stored events under the diamond profile into the movements the warranty reconciliation
 * adds up (SOW-05), and keeps them in the capture's transaction.
 */
@Component
public class Movements {
  private final MovementRepository repository;

  public Movements(MovementRepository repository) {
    this.repository = repository;
  }

  /** Keeps the movements of {@code steps} (the stored events, in order). */
  public void record(List<Replay.Step> steps) {
    List<Movement> all = new ArrayList<>();
    for (Replay.Step step : steps) {
      all.addAll(of(step));
    }
    repository.insert(all);
  }

  /** The movements of one event: who moves what in or out of its stock. */
  static List<Movement> of(Replay.Step step) {
    Holdings.Move move = step.move();
    Holdings.Declared d = move.declared();
    List<Movement> out = new ArrayList<>();
    Usd usd = new Usd(step.facts().invoiceUsd());
    switch (move.step()) {
      case COMMISSIONING -> {
        for (String id : move.objects()) {
          Goods g = step.after().get(id);
          if (g != null) {
            out.add(row(step, id, MovementKind.COMMISSIONED, g.warranted(), g.carats(), usd));
          }
        }
      }
      case RECEIVING -> {
        for (String id : move.objects()) {
          Goods g = step.after().get(id);
          if (g != null && move.actor().equals(g.holder())) {
            out.add(row(step, id, MovementKind.RECEIVED, g.warranted(), weight(d, id, g), usd));
          }
        }
      }
      case SHIPPING -> {
        for (String id : move.objects()) {
          Goods g = step.before().get(id);
          if (g != null && step.after().containsKey(id)) {
            boolean warranted = d.warranty() && g.nature() != Nature.LABORATORY_GROWN;
            out.add(row(step, id, MovementKind.SHIPPED, warranted, weight(d, id, g), usd));
          }
        }
      }
      case RETAIL_SELLING -> {
        for (String id : move.objects()) {
          Goods g = step.before().get(id);
          if (g != null && step.after().containsKey(id)) {
            out.add(row(step, id, MovementKind.SOLD, g.warranted(), weight(d, id, g), usd));
          }
        }
      }
      case TRANSFORMING, AGGREGATING -> {
        boolean transforming = move.step() == Holdings.Step.TRANSFORMING;
        for (String id : move.inputs()) {
          Goods g = step.before().get(id);
          if (g != null && move.actor().equals(g.holder())) {
            out.add(
                row(
                    step,
                    id,
                    transforming ? MovementKind.CONSUMED : MovementKind.PACKED,
                    g.warranted(),
                    weight(d, id, g),
                    usd));
          }
        }
        for (String id : move.outputs()) {
          Goods g = step.after().get(id);
          if (g != null) {
            out.add(
                row(
                    step,
                    id,
                    transforming ? MovementKind.PRODUCED : MovementKind.PARCEL,
                    g.warranted(),
                    g.carats(),
                    usd));
          }
        }
      }
      default -> {}
    }
    return out;
  }

  private static @Nullable Carats weight(Holdings.Declared d, String id, Goods g) {
    Map<String, Carats> declared = d.carats();
    return declared.getOrDefault(id, g.carats());
  }

  private static Movement row(
      Replay.Step step,
      String id,
      MovementKind kind,
      boolean warranted,
      @Nullable Carats carats,
      Usd usd) {
    return new Movement(
        step.move().actor(),
        step.event().hashId(),
        id,
        kind,
        warranted,
        carats,
        usd.once(),
        step.event().eventTime());
  }

  /** The event's invoice amount, handed to its first movement only. */
  private static final class Usd {
    private @Nullable UsdAmount amount;

    Usd(@Nullable UsdAmount amount) {
      this.amount = amount;
    }

    @Nullable UsdAmount once() {
      UsdAmount a = amount;
      amount = null;
      return a;
    }
  }
}

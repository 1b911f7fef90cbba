package org.kimberlite.custody.internal.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.Nature;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.Policy;

/**
 * Who holds goods under the diamond profile and what they are, event by event (docs/custody.md,
 * "Diamond profile"): CUS-03, only the current holder ships, transforms, aggregates or sells them;
 * CUS-05, the outputs of a transformation or aggregation carry their inputs' origins, nature and
 * warranty status.
 *
 * <p>The holder changes thus. Commissioning makes the capturing organisation the holder of new
 * goods. Shipping by the holder addresses the goods to the owning party of its destination (still
 * held by the shipper); receiving by that party makes it the holder, with the warranty status the
 * shipment carried. Receiving goods the chain has never seen makes the capturer their holder (goods
 * entering from outside). A transformation or aggregation makes its capturer the holder of its
 * outputs. A retail sale leaves the goods with no holder.
 */
@Policy(rules = {"CUS-03", "CUS-05"})
public final class Holdings {
  private static final String CUS_03 = "CUS-03";

  private Holdings() {}

  /** What an event does to goods. */
  public enum Step {
    COMMISSIONING,
    RECEIVING,
    SHIPPING,
    INSPECTING,
    RETAIL_SELLING,
    AGGREGATING,
    TRANSFORMING,
    OTHER
  }

  /**
   * What an event declares about the goods it names, in the profile's terms.
   *
   * @param treated null when the event does not say
   * @param origins null when the event does not say (goods commissioned without origins are mixed)
   * @param warranty whether the event carries a warranty statement
   * @param screening the nature a screening found (unscreened: inconclusive); null when none
   * @param destination the owning party a shipment is addressed to
   * @param carats weights the event gives, by identifier
   */
  public record Declared(
      @Nullable Nature nature,
      @Nullable Boolean treated,
      @Nullable Origins origins,
      boolean warranty,
      @Nullable GoodsKind kind,
      @Nullable Nature screening,
      @Nullable UUID destination,
      Map<String, Carats> carats) {
    public Declared {
      carats = Map.copyOf(carats);
    }
  }

  /**
   * One event as a move of goods.
   *
   * @param actor the capturing organisation
   * @param objects what an object event names (or the children an aggregation adds)
   * @param inputs the inputs of a transformation or the children of an aggregation
   * @param outputs the outputs of a transformation or the parent of an aggregation
   */
  public record Move(
      Step step,
      UUID actor,
      List<String> objects,
      List<String> inputs,
      List<String> outputs,
      Declared declared) {
    public Move {
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(actor, "actor");
      objects = List.copyOf(objects);
      inputs = List.copyOf(inputs);
      outputs = List.copyOf(outputs);
    }

    /** The goods the actor must hold for this move (CUS-03). */
    public List<String> moved() {
      return switch (step) {
        case SHIPPING, RETAIL_SELLING -> objects;
        case AGGREGATING, TRANSFORMING -> inputs;
        default -> List.of();
      };
    }
  }

  /** CUS-03: one breach per identifier the actor may not move, receive or commission. */
  public static List<Breach> mayMove(Move move, Map<String, Goods> before) {
    List<Breach> out = new ArrayList<>();
    for (String id : move.moved()) {
      Goods g = before.get(id);
      if (g == null) {
        out.add(
            Breach.block(CUS_03, id + " has no holder on record (never commissioned or received)"));
      } else if (g.sold()) {
        out.add(Breach.block(CUS_03, id + " was sold to a consumer and has no holder any more"));
      } else if (!move.actor().equals(g.holder())) {
        out.add(Breach.block(CUS_03, id + " is not held by the capturing organisation"));
      }
    }
    if (move.step() == Step.RECEIVING) {
      for (String id : move.objects()) {
        Goods g = before.get(id);
        if (g != null && !move.actor().equals(g.holder()) && !move.actor().equals(g.pendingTo())) {
          out.add(
              Breach.block(
                  CUS_03, id + " was not shipped to the capturing organisation by its holder"));
        }
      }
    }
    if (move.step() == Step.COMMISSIONING) {
      for (String id : move.objects()) {
        Goods g = before.get(id);
        if (g != null && !move.actor().equals(g.holder())) {
          out.add(Breach.block(CUS_03, id + " is on record already, held by someone else"));
        }
      }
    }
    return out;
  }

  /** The identifiers {@code move} changes, with what is known of them afterwards. */
  public static Map<String, Goods> apply(Move move, Map<String, Goods> before) {
    Declared d = move.declared();
    Map<String, Goods> after = new LinkedHashMap<>();
    switch (move.step()) {
      case COMMISSIONING -> {
        for (String id : move.objects()) {
          after.put(
              id,
              fresh(
                  move.actor(),
                  d,
                  id,
                  d.nature() != null && d.nature() != Nature.LABORATORY_GROWN,
                  before.get(id)));
        }
      }
      case RECEIVING -> {
        for (String id : move.objects()) {
          Goods g = before.get(id);
          if (g == null) {
            after.put(id, fresh(move.actor(), d, id, d.warranty(), null));
          } else if (move.actor().equals(g.pendingTo())) {
            after.put(id, g.withHolder(move.actor(), g.pendingWarranted()));
          }
        }
      }
      case SHIPPING -> {
        for (String id : move.objects()) {
          Goods g = before.get(id);
          if (g != null && move.actor().equals(g.holder())) {
            after.put(id, g.shippedTo(d.destination(), d.warranty(), d.kind()));
          }
        }
      }
      case INSPECTING -> {
        for (String id : move.objects()) {
          Goods g = before.get(id);
          if (g == null) {
            continue;
          }
          Nature nature = g.nature();
          if (d.screening() != null) {
            nature =
                switch (Segregation.screen(g.nature(), d.screening())) {
                  case Segregation.Changed c -> c.to();
                  case Segregation.Contradicted c -> c.to();
                  default -> g.nature();
                };
          }
          boolean treated = d.treated() == null ? g.treated() : d.treated();
          after.put(id, g.withNature(nature, treated));
        }
      }
      case RETAIL_SELLING -> {
        for (String id : move.objects()) {
          Goods g = before.get(id);
          if (g != null && move.actor().equals(g.holder())) {
            after.put(id, g.soldToConsumer());
          }
        }
      }
      case AGGREGATING, TRANSFORMING -> {
        List<CarryForward.Input> inputs = new ArrayList<>();
        boolean treated = Boolean.TRUE.equals(d.treated());
        List<Carats> weights = new ArrayList<>();
        boolean allWeighed = !move.inputs().isEmpty();
        GoodsKind common = null;
        boolean sameKind = true;
        for (String id : move.inputs()) {
          Goods g = before.get(id);
          if (g == null) {
            inputs.add(new CarryForward.Input(Origins.MIXED, null, false));
            allWeighed = false;
            sameKind = false;
            continue;
          }
          inputs.add(new CarryForward.Input(g.origins(), g.nature(), g.warranted()));
          treated |= g.treated();
          Carats w = d.carats().getOrDefault(id, g.carats());
          if (w == null) {
            allWeighed = false;
          } else {
            weights.add(w);
          }
          if (common == null) {
            common = g.kind();
          } else if (common != g.kind()) {
            sameKind = false;
          }
        }
        Origins origins = Origins.MIXED;
        Nature nature = null;
        boolean warranted = false;
        if (inputs.size() <= Segregation.MAX_INPUTS
            && CarryForward.forward(inputs) instanceof CarryForward.Carried c) {
          origins = c.origins();
          nature = c.nature();
          warranted = c.warranted();
        }
        GoodsKind kind = d.kind() != null ? d.kind() : sameKind ? common : null;
        for (String id : move.outputs()) {
          Carats carats = d.carats().get(id);
          if (carats == null && move.step() == Step.AGGREGATING && allWeighed) {
            carats = Carats.sum(weights);
          }
          after.put(
              id,
              new Goods(
                  move.actor(),
                  null,
                  false,
                  nature,
                  treated,
                  origins,
                  warranted,
                  carats,
                  kind,
                  false));
        }
      }
      case OTHER -> {}
    }
    return after;
  }

  private static Goods fresh(
      UUID actor, Declared d, String id, boolean warranted, @Nullable Goods known) {
    Carats carats = d.carats().get(id);
    if (carats == null && known != null) {
      carats = known.carats();
    }
    return new Goods(
        actor,
        null,
        false,
        d.nature(),
        Boolean.TRUE.equals(d.treated()),
        d.origins() == null ? Origins.MIXED : d.origins(),
        warranted,
        carats,
        d.kind() == null ? GoodsKind.ROUGH : d.kind(),
        false);
  }

  /** Every identifier a move names, in any role. */
  public static List<String> named(Move move) {
    List<String> all = new ArrayList<>(move.objects());
    all.addAll(move.inputs());
    all.addAll(move.outputs());
    return all;
  }

  static Map<String, Goods> merged(Map<String, Goods> before, Map<String, Goods> after) {
    Map<String, Goods> m = new HashMap<>(before);
    m.putAll(after);
    return m;
  }
}

package org.kimberlite.custody.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.Nature;
import org.kimberlite.shared.InvalidInput;
import org.kimberlite.shared.Policy;

/**
 * CUS-05 and SOW-04 (docs/rules.md): what the outputs of a transformation or aggregation inherit
 * from its inputs, and whether goods may be sold with a warranty.
 *
 * <p>Every output gets the same three attributes: the <b>origins</b> are the union of the inputs'
 * (mixed as soon as one input is mixed); the <b>nature</b> follows {@link Segregation#combine}
 * (refused when it refuses: LGD-01, LGD-02); the goods are <b>warranted</b> only when every input
 * was received with a warranty and the nature is not laboratory-grown: one unwarranted input leaves
 * the whole output unwarranted, since the warranted and unwarranted parts can no longer be told
 * apart (SOW-04).
 */
@Policy(rules = {"CUS-05", "SOW-04"})
public final class CarryForward {
  private static final String SOW_04 = "SOW-04";

  private CarryForward() {}

  /**
   * One input of a transformation or aggregation.
   *
   * @param origins where it comes from
   * @param nature its nature; null when it has none (refused, LGD-01)
   * @param warranted whether it was received with a System of Warranties statement
   */
  public record Input(Origins origins, @Nullable Nature nature, boolean warranted) {
    public Input {
      Objects.requireNonNull(origins, "origins");
    }
  }

  /** What the outputs inherit, or why they cannot be made. */
  public sealed interface Outcome {
    List<Breach> breaches();
  }

  /** The attributes every output carries. */
  public record Carried(Origins origins, Nature nature, boolean warranted) implements Outcome {
    public Carried {
      Objects.requireNonNull(origins, "origins");
      Objects.requireNonNull(nature, "nature");
    }

    @Override
    public List<Breach> breaches() {
      return List.of();
    }
  }

  /** The inputs may not be combined (LGD-01, LGD-02); each breach blocks. */
  public record Refused(List<Breach> breaches) implements Outcome, WarrantyOut {
    public Refused {
      breaches = List.copyOf(breaches);
      if (breaches.isEmpty()) {
        throw new IllegalArgumentException("a refusal names the rules broken");
      }
    }
  }

  /** Whether goods may leave with a warranty (SOW-04). */
  public sealed interface WarrantyOut {
    List<Breach> breaches();
  }

  /** The goods were received with a warranty, so they may be sold with one. */
  public record MayWarrant() implements WarrantyOut {
    @Override
    public List<Breach> breaches() {
      return List.of();
    }
  }

  /**
   * CUS-05: the attributes of the outputs of an event with these inputs.
   *
   * @throws InvalidInput when there are more than {@link Segregation#MAX_INPUTS} inputs
   */
  public static Outcome forward(List<Input> inputs) {
    Objects.requireNonNull(inputs, "inputs");
    List<@Nullable Nature> natures = new ArrayList<>(inputs.size());
    for (Input i : inputs) {
      natures.add(i.nature());
    }
    return switch (Segregation.combine(natures)) {
      case Segregation.Refused r -> new Refused(r.breaches());
      case Segregation.Combined(Nature nature) ->
          new Carried(
              Origins.union(inputs.stream().map(Input::origins).toList()),
              nature,
              nature != Nature.LABORATORY_GROWN && inputs.stream().allMatch(Input::warranted));
    };
  }

  /**
   * SOW-04: whether a seller may put a warranty statement on goods it holds.
   *
   * @param goodsWarranted whether the goods were received with a warranty (for goods made by a
   *     transformation: {@link Carried#warranted()})
   */
  public static WarrantyOut giveWarranty(boolean goodsWarranted) {
    if (goodsWarranted) {
      return new MayWarrant();
    }
    return new Refused(
        List.of(
            Breach.block(
                SOW_04,
                "these goods were received without a warranty, so none may be given on them")));
  }
}

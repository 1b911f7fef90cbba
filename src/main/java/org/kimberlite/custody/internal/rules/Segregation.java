package org.kimberlite.custody.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.Nature;
import org.kimberlite.shared.InvalidInput;
import org.kimberlite.shared.Policy;

/**
 * LGD-01 to LGD-04 (docs/rules.md): natural and laboratory-grown goods kept apart.
 *
 * <p><b>Combining</b> ({@link #combine}, for the inputs of an aggregation or a transformation, and
 * the contents of a parcel): every input needs a nature (LGD-01). Laboratory-grown goods combine
 * only with laboratory-grown goods; with natural or unscreened goods they are refused (LGD-02),
 * since unscreened goods may be natural and a mixture of known laboratory-grown with anything else
 * can never be sorted out again by paper. Natural with natural stays natural; natural with
 * unscreened (or unscreened alone) is unscreened: one input of unknown nature makes the whole lot
 * unknown. No inputs at all give no nature (LGD-01).
 *
 * <p><b>Clearing</b> ({@link #onKpCertificate}, {@link #underWarranty}): laboratory-grown goods
 * never go on a KP certificate nor under a System of Warranties statement (LGD-03, block).
 * Unscreened goods may, because natural goods are traded on their producers' declarations and never
 * all screened, but the write is flagged (LGD-03, flag) so that due diligence sees a certificate or
 * a warranty over goods whose nature is not established.
 *
 * <p><b>Screening</b> ({@link #screen}, LGD-04): an instrument's or a laboratory's result is
 * natural, laboratory-grown, or inconclusive (referred; given as {@link Nature#UNSCREENED}).
 * Unscreened goods take the result's nature. A result that agrees with the declared nature, or an
 * inconclusive one, changes nothing. Natural goods found laboratory-grown become laboratory-grown
 * and the result is flagged so that a finding is raised on every upstream holder. Laboratory-grown
 * goods are never turned natural by a screening (refused): that is the direction in which synthetic
 * stones are passed off, instruments pass some synthetics as natural, and a laboratory-grown
 * declaration is not withdrawn on an instrument's word.
 */
@Policy(rules = {"LGD-01", "LGD-02", "LGD-03", "LGD-04"})
public final class Segregation {
  /** More inputs than this in one event are refused as input before any rule is read. */
  public static final int MAX_INPUTS = 10_000;

  private static final String LGD_01 = "LGD-01";
  private static final String LGD_02 = "LGD-02";
  private static final String LGD_03 = "LGD-03";
  private static final String LGD_04 = "LGD-04";

  private Segregation() {}

  /** The nature of combined goods, or why they may not be combined. */
  public sealed interface Combination {
    List<Breach> breaches();
  }

  /** What goods may go on a certificate or under a warranty, or why not. */
  public sealed interface Clearance {
    List<Breach> breaches();
  }

  /** What a screening result does to the goods' nature. */
  public sealed interface Screening {
    List<Breach> breaches();
  }

  /** The inputs combine into goods of this nature. */
  public record Combined(Nature nature) implements Combination {
    public Combined {
      Objects.requireNonNull(nature, "nature");
    }

    @Override
    public List<Breach> breaches() {
      return List.of();
    }
  }

  /**
   * The goods may go on the certificate or under the warranty; {@code flags} holds the LGD-03 flag
   * for unscreened goods.
   */
  public record Cleared(Nature nature, List<Breach> flags) implements Clearance {
    public Cleared {
      Objects.requireNonNull(nature, "nature");
      flags = List.copyOf(flags);
    }

    @Override
    public List<Breach> breaches() {
      return flags;
    }
  }

  /** The screening leaves the nature as it was (a confirmation, or an inconclusive result). */
  public record Unchanged(Nature nature) implements Screening {
    @Override
    public List<Breach> breaches() {
      return List.of();
    }
  }

  /** Unscreened goods take the nature the screening found. */
  public record Changed(Nature from, Nature to) implements Screening {
    @Override
    public List<Breach> breaches() {
      return List.of();
    }
  }

  /**
   * Natural goods were found laboratory-grown: they are laboratory-grown from now on, and the flag
   * asks for a finding on every upstream holder.
   */
  public record Contradicted(Nature from, Nature to, Breach flag) implements Screening {
    @Override
    public List<Breach> breaches() {
      return List.of(flag);
    }
  }

  /** Refused: every rule broken, each blocking. */
  public record Refused(List<Breach> breaches) implements Combination, Clearance, Screening {
    public Refused {
      breaches = List.copyOf(breaches);
      if (breaches.isEmpty()) {
        throw new IllegalArgumentException("a refusal names the rules broken");
      }
    }
  }

  /**
   * LGD-01 and LGD-02: the nature of goods combined from {@code inputs} (the natures of the inputs
   * of an aggregation or transformation, or of the contents of a parcel; null for an input without
   * one).
   *
   * @throws InvalidInput when there are more than {@link #MAX_INPUTS} inputs
   */
  public static Combination combine(List<? extends @Nullable Nature> inputs) {
    Objects.requireNonNull(inputs, "inputs");
    if (inputs.size() > MAX_INPUTS) {
      throw new InvalidInput("inputs", "more than " + MAX_INPUTS + " inputs in one event");
    }
    if (inputs.isEmpty()) {
      return new Refused(List.of(Breach.block(LGD_01, "no inputs, so the goods have no nature")));
    }
    List<Breach> breaches = new ArrayList<>();
    List<Integer> missing = new ArrayList<>();
    List<Integer> natural = new ArrayList<>();
    List<Integer> laboratoryGrown = new ArrayList<>();
    List<Integer> unscreened = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Nature n = inputs.get(i);
      if (n == null) {
        missing.add(i + 1);
        continue;
      }
      switch (n) {
        case NATURAL -> natural.add(i + 1);
        case LABORATORY_GROWN -> laboratoryGrown.add(i + 1);
        case UNSCREENED -> unscreened.add(i + 1);
      }
    }
    if (!missing.isEmpty()) {
      breaches.add(
          Breach.block(
              LGD_01,
              "every input needs a nature (natural, laboratory-grown or unscreened); "
                  + inputsNamed(missing)
                  + " "
                  + (missing.size() == 1 ? "has" : "have")
                  + " none"));
    }
    if (!laboratoryGrown.isEmpty() && !(natural.isEmpty() && unscreened.isEmpty())) {
      StringBuilder m =
          new StringBuilder("laboratory-grown goods (")
              .append(inputsNamed(laboratoryGrown))
              .append(") may not be combined with ");
      if (!natural.isEmpty()) {
        m.append("natural goods (").append(inputsNamed(natural)).append(')');
      }
      if (!unscreened.isEmpty()) {
        m.append(natural.isEmpty() ? "" : " or ")
            .append("unscreened goods (")
            .append(inputsNamed(unscreened))
            .append(')');
      }
      breaches.add(Breach.block(LGD_02, m.toString()));
    }
    if (!breaches.isEmpty()) {
      return new Refused(breaches);
    }
    if (!laboratoryGrown.isEmpty()) {
      return new Combined(Nature.LABORATORY_GROWN);
    }
    return new Combined(unscreened.isEmpty() ? Nature.NATURAL : Nature.UNSCREENED);
  }

  /** LGD-01 to LGD-03: whether goods of these natures may go on a KP certificate. */
  public static Clearance onKpCertificate(List<? extends @Nullable Nature> contents) {
    return clear(contents, "a KP certificate");
  }

  /** LGD-01 to LGD-03: whether goods of these natures may be sold under a warranty statement. */
  public static Clearance underWarranty(List<? extends @Nullable Nature> contents) {
    return clear(contents, "a System of Warranties statement");
  }

  private static Clearance clear(List<? extends @Nullable Nature> contents, String where) {
    Combination c = combine(contents);
    return switch (c) {
      case Refused r -> r;
      case Combined(Nature nature) ->
          switch (nature) {
            case NATURAL -> new Cleared(nature, List.of());
            case UNSCREENED ->
                new Cleared(
                    nature,
                    List.of(
                        Breach.flag(
                            LGD_03,
                            "goods whose nature is not established (unscreened) go under "
                                + where
                                + ": screen them to know they are natural")));
            case LABORATORY_GROWN ->
                new Refused(
                    List.of(
                        Breach.block(
                            LGD_03,
                            "laboratory-grown goods never go under "
                                + where
                                + ", which is for natural diamonds only")));
          };
    };
  }

  /**
   * LGD-04: what a screening result does to goods of a declared nature.
   *
   * @param declared the goods' nature before the screening (null: none, refused as LGD-01)
   * @param result what the screening found; {@link Nature#UNSCREENED} for inconclusive (referred)
   */
  public static Screening screen(@Nullable Nature declared, Nature result) {
    Objects.requireNonNull(result, "result");
    if (declared == null) {
      return new Refused(
          List.of(Breach.block(LGD_01, "the screened goods have no declared nature")));
    }
    if (result == Nature.UNSCREENED || result == declared) {
      return new Unchanged(declared);
    }
    return switch (declared) {
      case UNSCREENED -> new Changed(declared, result);
      case NATURAL ->
          new Contradicted(
              declared,
              result,
              Breach.flag(
                  LGD_04,
                  "goods declared natural were screened laboratory-grown: every upstream holder"
                      + " is to be reviewed"));
      case LABORATORY_GROWN ->
          new Refused(
              List.of(
                  Breach.block(
                      LGD_04,
                      "goods declared laboratory-grown are not made natural by a screening"
                          + " result")));
    };
  }

  private static String inputsNamed(List<Integer> positions) {
    StringBuilder b = new StringBuilder(positions.size() == 1 ? "input " : "inputs ");
    int shown = Math.min(positions.size(), 10);
    for (int k = 0; k < shown; k++) {
      b.append(k == 0 ? "" : ", ").append(positions.get(k));
    }
    if (positions.size() > shown) {
      b.append(" and ").append(positions.size() - shown).append(" more");
    }
    return b.toString();
  }
}

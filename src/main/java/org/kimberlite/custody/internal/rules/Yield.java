package org.kimberlite.custody.internal.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.InvalidInput;
import org.kimberlite.shared.Policy;

/**
 * CUS-04 (docs/rules.md): the yield of a transformation, polished carats out over rough carats in,
 * lies within a band (default 20 % to 65 %, both ends included). A round brilliant keeps about 40
 * to 50 % of its rough, fancy shapes up to about 65 %; much less suggests polished goods leaving
 * the books, much more suggests goods entering them (a yield above 100 % is physically impossible
 * and is flagged like any other). Outside the band the transformation is accepted and flagged with
 * the measured ratio. The comparison is exact; only the ratio shown is rounded (4 decimals,
 * half-even). Rough of zero carats has no yield and is refused as input.
 */
@Policy(rules = "CUS-04")
public final class Yield {
  private static final String CUS_04 = "CUS-04";

  /**
   * The accepted yields, as fractions of the rough weight.
   *
   * @param lowest the lowest accepted yield, from 0 to {@code highest}
   * @param highest the highest accepted yield, up to 1
   */
  public record Band(BigDecimal lowest, BigDecimal highest) {
    /** 20 % to 65 %. */
    public static final Band DEFAULT = new Band(new BigDecimal("0.20"), new BigDecimal("0.65"));

    public Band {
      Objects.requireNonNull(lowest, "lowest");
      Objects.requireNonNull(highest, "highest");
      if (lowest.signum() < 0
          || lowest.compareTo(highest) > 0
          || highest.compareTo(BigDecimal.ONE) > 0) {
        throw new IllegalArgumentException(
            "a yield band needs 0 <= lowest <= highest <= 1: " + lowest + " to " + highest);
      }
    }
  }

  /** The measured yield and whether it lies in the band. */
  public sealed interface Result {
    /** Polished over rough, rounded to 4 decimals. */
    BigDecimal ratio();

    /** The CUS-04 flag when outside the band; empty within it. */
    List<Breach> breaches();
  }

  /** The yield lies in the band. */
  public record Within(BigDecimal ratio) implements Result {
    @Override
    public List<Breach> breaches() {
      return List.of();
    }
  }

  /** The yield lies outside the band: the transformation is accepted and flagged. */
  public record Outside(BigDecimal ratio, Breach flag) implements Result {
    @Override
    public List<Breach> breaches() {
      return List.of(flag);
    }
  }

  private final Band band;

  public Yield(Band band) {
    this.band = Objects.requireNonNull(band, "band");
  }

  /** With the default band, 20 % to 65 %. */
  public Yield() {
    this(Band.DEFAULT);
  }

  public Band band() {
    return band;
  }

  /**
   * CUS-04 for one transformation (sum the weights of several inputs or outputs first).
   *
   * @throws InvalidInput when the rough weight is zero
   */
  public Result check(Carats rough, Carats polished) {
    Objects.requireNonNull(rough, "rough");
    Objects.requireNonNull(polished, "polished");
    if (rough.isZero()) {
      throw new InvalidInput(
          "roughCarats", "the rough weight of a transformation must be above zero");
    }
    BigDecimal r = rough.value();
    BigDecimal p = polished.value();
    BigDecimal ratio = p.divide(r, 4, RoundingMode.HALF_EVEN);
    boolean below = p.compareTo(band.lowest().multiply(r)) < 0;
    boolean above = p.compareTo(band.highest().multiply(r)) > 0;
    if (!below && !above) {
      return new Within(ratio);
    }
    return new Outside(
        ratio,
        Breach.flag(
            CUS_04,
            "yield "
                + percent(ratio)
                + " ("
                + polished
                + " ct polished from "
                + rough
                + " ct rough) is "
                + (below ? "below " : "above ")
                + percent(below ? band.lowest() : band.highest())
                + ", the "
                + (below ? "lowest" : "highest")
                + " expected"
                + (p.compareTo(r) > 0 ? ": more polished than rough" : "")));
  }

  private static String percent(BigDecimal fraction) {
    return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " %";
  }
}

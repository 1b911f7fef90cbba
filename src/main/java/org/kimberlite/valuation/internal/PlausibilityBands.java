package org.kimberlite.valuation.internal;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.Policy;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.shared.UsdPerCarat;
import org.kimberlite.valuation.Band;
import org.kimberlite.valuation.BandFigure;
import org.kimberlite.valuation.BandLookup;
import org.kimberlite.valuation.Factor;
import org.kimberlite.valuation.Flow;
import org.kimberlite.valuation.NoBand;

/**
 * VAL-02 and KP-11: a band of USD per carat drawn from trailing KP figures, and whether a value
 * lies in it. The figures are those of the latest {@code years} complete calendar years before the
 * date that have any, looking back at most {@code lookback} years; the centre is their total value
 * ÷ total carats, rounded half-even to the cent; the band is centre ÷ factor to centre × factor,
 * each rounded half-even to the cent, both ends included.
 */
@Policy(rules = {"VAL-02", "KP-11"})
public final class PlausibilityBands {
  private PlausibilityBands() {}

  /** How the trailing years are chosen. */
  public record Trailing(int years, int lookback) {
    public Trailing {
      if (years < 1 || years > 20 || lookback < years || lookback > 50) {
        throw new IllegalArgumentException(
            "trailing years are 1 to 20, looked for over at most 50 years and no fewer than used");
      }
    }
  }

  /**
   * A band from the figures (any years; those out of the trailing window are left out), or why
   * none.
   */
  public static BandLookup band(
      String origin,
      Flow flow,
      LocalDate on,
      String participant,
      String source,
      List<BandFigure> figures,
      Trailing trailing,
      Factor factor) {
    int last = on.getYear() - 1;
    int first = on.getYear() - trailing.lookback();
    TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
    for (BandFigure f : figures) {
      if (f.year() >= first && f.year() <= last && !f.carats().isZero()) {
        years.add(f.year());
      }
    }
    List<Integer> used = years.stream().limit(trailing.years()).sorted().toList();
    List<BandFigure> basis = new ArrayList<>();
    for (BandFigure f : figures) {
      if (used.contains(f.year()) && !f.carats().isZero()) {
        basis.add(f);
      }
    }
    if (basis.isEmpty()) {
      return new NoBand(
          "no "
              + source
              + " figures of "
              + participant
              + " in the complete years "
              + first
              + " to "
              + last);
    }
    basis.sort(Comparator.comparingInt(BandFigure::year));
    Carats carats = Carats.sum(basis.stream().map(BandFigure::carats).toList());
    UsdAmount value = UsdAmount.sum(basis.stream().map(BandFigure::valueUsd).toList());
    UsdPerCarat centre = value.per(carats).orElseThrow();
    UsdPerCarat low =
        UsdPerCarat.of(centre.value().divide(factor.value(), 2, RoundingMode.HALF_EVEN));
    UsdPerCarat high =
        UsdPerCarat.of(centre.value().multiply(factor.value()).setScale(2, RoundingMode.HALF_EVEN));
    String explanation =
        String.format(
            Locale.ROOT,
            "%s band for origin %s: centre USD %s/ct = USD %s ÷ %s ct, %s of %s in %s;"
                + " band USD %s to %s/ct (÷%s to ×%s, ends included)",
            flow == Flow.PRODUCER ? "Producer" : "Trading-centre",
            origin,
            centre,
            value,
            carats,
            source,
            participant,
            yearsText(used),
            low,
            high,
            factor,
            factor);
    return new Band(
        origin, flow, on, participant, source, centre, low, high, factor, basis, explanation);
  }

  private static String yearsText(List<Integer> years) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < years.size(); i++) {
      out.append(i == 0 ? "" : i == years.size() - 1 ? " and " : ", ").append(years.get(i));
    }
    return out.toString();
  }

  /**
   * The band of a reference amount (a price-book valuation): reference ÷ factor to reference ×
   * factor, to the cent, both ends included.
   */
  public static Range amountBand(UsdAmount reference, Factor factor) {
    return new Range(
        UsdAmount.of(reference.value().divide(factor.value(), 2, RoundingMode.HALF_EVEN)),
        UsdAmount.of(
            reference.value().multiply(factor.value()).setScale(2, RoundingMode.HALF_EVEN)));
  }

  /** Two amounts, both ends included. */
  public record Range(UsdAmount low, UsdAmount high) {
    public boolean contains(UsdAmount amount) {
      return amount.compareTo(low) >= 0 && amount.compareTo(high) <= 0;
    }
  }
}

package org.kimberlite.valuation.internal;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.Policy;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.shared.UsdPerCarat;
import org.kimberlite.valuation.AssortmentClass;
import org.kimberlite.valuation.ParcelLine;
import org.kimberlite.valuation.PriceBook;
import org.kimberlite.valuation.Valuation;
import org.kimberlite.valuation.ValuedLine;

/**
 * VAL-01: a parcel's reference value = Σ carats × price of each assortment class in force on the
 * valuation date. Each line's value is carats × price rounded half-even to the cent; the reference
 * value is the sum of the line values, so the breakdown adds up to it. A class is priced by the
 * version in force on the date that prices it and was uploaded last (the highest sequence); a class
 * no such version prices is uncovered.
 */
@Policy(rules = "VAL-01")
public final class ReferenceValues {
  private ReferenceValues() {}

  /**
   * A book version with its prices.
   *
   * @param sequence the upload order across all books; later wins
   */
  public record Priced(long sequence, PriceBook book, Map<AssortmentClass, UsdPerCarat> prices) {
    public Priced {
      prices = Map.copyOf(prices);
    }
  }

  public static Valuation value(LocalDate on, List<ParcelLine> parcel, List<Priced> books) {
    List<Priced> inForce =
        books.stream()
            .filter(b -> b.book().inForceOn(on))
            .sorted(Comparator.comparingLong(Priced::sequence).reversed())
            .toList();
    List<ValuedLine> lines = new ArrayList<>();
    List<ParcelLine> uncovered = new ArrayList<>();
    for (ParcelLine line : parcel) {
      Priced by =
          inForce.stream()
              .filter(b -> b.prices().containsKey(line.assortment()))
              .findFirst()
              .orElse(null);
      if (by == null) {
        uncovered.add(line);
        continue;
      }
      UsdPerCarat price = by.prices().get(line.assortment());
      lines.add(
          new ValuedLine(
              line.assortment(),
              line.carats(),
              price,
              lineValue(line.carats(), price),
              by.book().name(),
              by.book().version()));
    }
    return new Valuation(
        on,
        lines,
        uncovered,
        UsdAmount.sum(lines.stream().map(ValuedLine::value).toList()),
        Carats.sum(lines.stream().map(ValuedLine::carats).toList()),
        Carats.sum(uncovered.stream().map(ParcelLine::carats).toList()));
  }

  /** carats × price, rounded half-even to the cent. */
  public static UsdAmount lineValue(Carats carats, UsdPerCarat price) {
    return UsdAmount.of(carats.value().multiply(price.value()).setScale(2, RoundingMode.HALF_EVEN));
  }
}

package org.kimberlite.valuation;

import java.time.LocalDate;
import java.util.List;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.UsdAmount;

/**
 * A parcel's reference value on a date (VAL-01): the sum of its priced lines. Lines no book in
 * force prices are listed as uncovered and add nothing: never guessed.
 *
 * @param on the valuation date
 * @param lines the priced lines, in the order asked
 * @param uncovered the lines no book in force on the date prices
 * @param referenceValue the sum of the priced lines' values
 * @param coveredCarats the carats of the priced lines
 * @param uncoveredCarats the carats of the uncovered lines
 */
public record Valuation(
    LocalDate on,
    List<ValuedLine> lines,
    List<ParcelLine> uncovered,
    UsdAmount referenceValue,
    Carats coveredCarats,
    Carats uncoveredCarats) {
  public Valuation {
    lines = List.copyOf(lines);
    uncovered = List.copyOf(uncovered);
  }

  /** Whether every line is priced. */
  public boolean complete() {
    return uncovered.isEmpty();
  }
}

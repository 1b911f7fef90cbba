package org.kimberlite.statistics.internal;

import java.util.ArrayList;
import java.util.List;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.Policy;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.statistics.TradeMatrix;

/**
 * Which cells of the trade matrix the public sees: a cell backed by at least {@code
 * minCertificates} certificates is shown; a row's smaller cells are folded into its "other" total,
 * so the row's total still adds up but no single shipment's figures (one company's prices) are
 * published against an importer. A pure policy.
 */
@Policy
public final class CellDisclosure {
  private final int minCertificates;

  /**
   * @param minCertificates at least 1 (1 shows every cell)
   */
  public CellDisclosure(int minCertificates) {
    if (minCertificates < 1) {
      throw new IllegalArgumentException(
          "the minimum of certificates per cell must be at least 1: " + minCertificates);
    }
    this.minCertificates = minCertificates;
  }

  public int minCertificates() {
    return minCertificates;
  }

  /** Whether a cell of this many certificates is shown to the public. */
  public boolean shown(long certificates) {
    return certificates >= minCertificates;
  }

  /** The public matrix: every row's cells below the minimum folded into its other total. */
  public TradeMatrix publish(TradeMatrix full) {
    List<TradeMatrix.Row> rows = new ArrayList<>();
    boolean complete = true;
    for (TradeMatrix.Row row : full.rows()) {
      List<TradeMatrix.Cell> shown = new ArrayList<>();
      int folded = row.other() == null ? 0 : row.other().cells();
      Carats carats = row.other() == null ? Carats.ZERO : row.other().carats();
      UsdAmount value = row.other() == null ? UsdAmount.ZERO : row.other().valueUsd();
      long certificates = row.other() == null ? 0 : row.other().certificates();
      for (TradeMatrix.Cell c : row.cells()) {
        if (shown(c.certificates())) {
          shown.add(c);
        } else {
          folded++;
          carats = carats.plus(c.carats());
          value = value.plus(c.valueUsd());
          certificates += c.certificates();
        }
      }
      TradeMatrix.Other other =
          folded == 0 ? null : new TradeMatrix.Other(folded, carats, value, certificates);
      complete &= other == null;
      rows.add(TradeMatrix.Row.of(row.exporter(), shown, other));
    }
    return new TradeMatrix(full.year(), complete, minCertificates, rows);
  }
}

package org.kimberlite.statistics;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;

/**
 * Exports of a year by exporting participant (rows) and importing participant (cells).
 *
 * <p>Disclosure: the public matrix shows a cell only when at least {@code minCertificates}
 * certificates back it, so that no cell is one company's shipment and price. A row's smaller cells
 * are folded into its {@link Other} total, which names no importer; a row's total is always its
 * shown cells plus its other total. The KP secretariat sees the {@code complete} matrix.
 *
 * @param complete whether every cell is shown (no cell folded into "other")
 * @param minCertificates the fewest certificates a cell of the public matrix stands for
 */
public record TradeMatrix(int year, boolean complete, int minCertificates, List<Row> rows) {

  public TradeMatrix {
    rows = List.copyOf(rows);
  }

  /** Exports from one participant to one other. */
  public record Cell(
      ParticipantCode importer, Carats carats, UsdAmount valueUsd, long certificates) {
    public Cell plus(Cell other) {
      if (!importer.equals(other.importer)) {
        throw new IllegalArgumentException("cells of different importers do not add up");
      }
      return new Cell(
          importer,
          carats.plus(other.carats),
          valueUsd.plus(other.valueUsd),
          certificates + other.certificates);
    }
  }

  /**
   * The cells of a row that are not shown, added up.
   *
   * @param cells how many cells were folded
   */
  public record Other(int cells, Carats carats, UsdAmount valueUsd, long certificates) {}

  /**
   * One exporter's row.
   *
   * @param cells the cells shown, by importer
   * @param other the cells not shown, added up; null when every cell is shown
   * @param carats the row's total, shown cells and other together
   * @param valueUsd the row's total, shown cells and other together
   */
  public record Row(
      ParticipantCode exporter,
      List<Cell> cells,
      @Nullable Other other,
      Carats carats,
      UsdAmount valueUsd) {

    public Row {
      Objects.requireNonNull(exporter, "exporter");
      cells = List.copyOf(cells);
    }

    /** A row with its totals computed from its cells and other total. */
    public static Row of(ParticipantCode exporter, List<Cell> cells, @Nullable Other other) {
      Carats carats = Carats.sum(cells.stream().map(Cell::carats).toList());
      UsdAmount value = UsdAmount.sum(cells.stream().map(Cell::valueUsd).toList());
      if (other != null) {
        carats = carats.plus(other.carats());
        value = value.plus(other.valueUsd());
      }
      return new Row(exporter, cells, other, carats, value);
    }
  }
}

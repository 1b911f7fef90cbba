package org.kimberlite.valuation.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.Policy;
import org.kimberlite.shared.UsdPerCarat;
import org.kimberlite.valuation.AssortmentClass;
import org.kimberlite.valuation.Colour;
import org.kimberlite.valuation.Model;
import org.kimberlite.valuation.PriceLine;
import org.kimberlite.valuation.Quality;
import org.kimberlite.valuation.SizeClass;

/**
 * Reads a price book's CSV (docs/valuation.md): UTF-8, lines ending in LF or CRLF, lines starting
 * with {@code #} are comments, blank lines are skipped, the first other line is the header {@code
 * size,model,quality,colour,usd_per_carat}, then one row per class. No quoting: no field holds a
 * comma. A price has at most two decimals and is more than zero; a class appears once. Every fault
 * is reported with its row (the line number in the file) and column, up to {@link #MAX_FAULTS}.
 */
@Policy(rules = "VAL-01")
public final class PriceBookCsv {
  public static final List<String> HEADER =
      List.of("size", "model", "quality", "colour", "usd_per_carat");

  /** The most rows a book holds (the finest commercial assortments have about 12,000 classes). */
  public static final int MAX_ROWS = 20_000;

  /** The most bytes an upload may have. */
  public static final int MAX_BYTES = 1024 * 1024;

  /** Faults reported at most; a file with more is refused with the first ones. */
  public static final int MAX_FAULTS = 50;

  private PriceBookCsv() {}

  /** A fault of the file: its row (line number, 0 for the whole file), column and reason. */
  public record Fault(int row, String column, String reason) {
    public String field() {
      return row == 0 ? "file" : "row " + row + (column.isEmpty() ? "" : ", column " + column);
    }
  }

  /** What reading gave: the rows, or the faults. */
  public sealed interface Read permits Rows, Faults {}

  public record Rows(List<PriceLine> lines) implements Read {}

  public record Faults(List<Fault> faults) implements Read {}

  public static Read read(byte[] bytes) {
    List<Fault> faults = new ArrayList<>();
    if (bytes.length > MAX_BYTES) {
      return new Faults(List.of(new Fault(0, "", "more than " + MAX_BYTES + " bytes")));
    }
    java.util.Optional<String> decoded = org.kimberlite.shared.Utf8.decode(bytes);
    if (decoded.isEmpty()) {
      return new Faults(List.of(new Fault(0, "", "not UTF-8 text")));
    }
    String text = decoded.get();
    List<PriceLine> lines = new ArrayList<>();
    Map<AssortmentClass, Integer> seen = new HashMap<>();
    boolean header = false;
    int lineNo = 0;
    int start = 0;
    while (start <= text.length() && faults.size() < MAX_FAULTS) {
      int end = text.indexOf('\n', start);
      String line = text.substring(start, end < 0 ? text.length() : end);
      start = end < 0 ? text.length() + 1 : end + 1;
      lineNo++;
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
        faults.add(new Fault(lineNo, "", "holds a control character"));
        continue;
      }
      List<String> cells = cells(line);
      if (!header) {
        header = true;
        List<String> names = cells.stream().map(String::strip).toList();
        if (!names.equals(HEADER)) {
          faults.add(new Fault(lineNo, "", "the header is " + String.join(",", HEADER)));
          break;
        }
        continue;
      }
      if (lines.size() + faults.size() >= MAX_ROWS) {
        faults.add(new Fault(lineNo, "", "a book has at most " + MAX_ROWS + " rows"));
        break;
      }
      if (cells.size() != HEADER.size()) {
        faults.add(
            new Fault(lineNo, "", cells.size() + " fields where " + HEADER.size() + " are due"));
        continue;
      }
      int before = faults.size();
      AssortmentClass assortment = assortment(cells, lineNo, faults);
      UsdPerCarat price = price(cells.get(4).strip(), lineNo, faults);
      if (faults.size() > before || assortment == null || price == null) {
        continue;
      }
      Integer first = seen.putIfAbsent(assortment, lineNo);
      if (first != null) {
        faults.add(
            new Fault(
                lineNo, "", "class " + assortment.code() + " is already priced on row " + first));
        continue;
      }
      lines.add(new PriceLine(assortment, price));
    }
    if (!header && faults.isEmpty()) {
      faults.add(new Fault(0, "", "no header: the file is empty"));
    } else if (lines.isEmpty() && faults.isEmpty()) {
      faults.add(new Fault(0, "", "no rows: a book prices at least one class"));
    }
    return faults.isEmpty() ? new Rows(List.copyOf(lines)) : new Faults(List.copyOf(faults));
  }

  private static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    int from = 0;
    while (true) {
      int comma = line.indexOf(',', from);
      if (comma < 0) {
        out.add(line.substring(from));
        return out;
      }
      out.add(line.substring(from, comma));
      from = comma + 1;
    }
  }

  private static @Nullable AssortmentClass assortment(
      List<String> cells, int row, List<Fault> faults) {
    int before = faults.size();
    SizeClass size = part(row, "size", faults, () -> SizeClass.of(cells.get(0).strip()));
    Model model = part(row, "model", faults, () -> AssortmentClass.model(cells.get(1)));
    Quality quality = part(row, "quality", faults, () -> Quality.of(cells.get(2).strip()));
    Colour colour = part(row, "colour", faults, () -> AssortmentClass.colour(cells.get(3)));
    if (faults.size() > before
        || size == null
        || model == null
        || quality == null
        || colour == null) {
      return null;
    }
    return new AssortmentClass(size, model, quality, colour);
  }

  private static <T> @Nullable T part(
      int row, String column, List<Fault> faults, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      faults.add(new Fault(row, column, String.valueOf(e.getMessage())));
      return null;
    }
  }

  private static @Nullable UsdPerCarat price(String text, int row, List<Fault> faults) {
    BigDecimal d;
    try {
      if (text.isEmpty() || text.length() > 20) {
        throw new NumberFormatException();
      }
      d = new BigDecimal(text);
    } catch (NumberFormatException e) {
      faults.add(new Fault(row, "usd_per_carat", "not a decimal number"));
      return null;
    }
    if (d.scale() > 2 || d.signum() <= 0 || d.compareTo(UsdPerCarat.MAX) > 0) {
      faults.add(new Fault(row, "usd_per_carat", "a price above zero with at most two decimals"));
      return null;
    }
    return UsdPerCarat.of(d);
  }
}

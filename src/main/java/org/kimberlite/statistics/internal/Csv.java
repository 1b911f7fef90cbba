package org.kimberlite.statistics.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Every CSV the statistics module reads or writes, through Apache Commons CSV: RFC 4180 quoting (a
 * field with a comma, a double quote or a line break is quoted, quotes doubled), lines ending in
 * LF.
 */
public final class Csv {
  private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

  private static final CSVFormat READ =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .setAllowMissingColumnNames(true)
          .setTrim(true)
          .get();

  private Csv() {}

  /** A CSV document: the header, then each row. */
  public static String write(List<String> header, List<? extends List<?>> rows) {
    StringBuilder out = new StringBuilder();
    try {
      WRITE.printRecord(out, header.toArray());
      for (List<?> row : rows) {
        WRITE.printRecord(out, row.toArray());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A read CSV document: its header names with their column index, and its records. */
  public record Table(Map<String, Integer> header, List<CSVRecord> records) {
    /** The index of a column; refused when the header has no such column. */
    public int column(String name) {
      Integer i = header.get(name);
      if (i == null) {
        throw new IllegalArgumentException("The CSV has no column '" + name + "'");
      }
      return i;
    }
  }

  /**
   * Reads a CSV document whose first record is its header; a malformed document (an unterminated
   * quote, say) is refused with an {@link IllegalArgumentException}.
   */
  public static Table read(Reader in) {
    try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(READ).get()) {
      List<CSVRecord> records = new ArrayList<>();
      for (CSVRecord r : parser) {
        records.add(r);
      }
      Map<String, Integer> header = parser.getHeaderMap();
      return new Table(header == null ? Map.of() : Map.copyOf(header), List.copyOf(records));
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new IllegalArgumentException("The CSV cannot be read: " + e.getMessage(), e);
    }
  }
}

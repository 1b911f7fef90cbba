package org.kimberlite.governance.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reading the governance seed files: CSV with a header row, trimmed, empty lines left out. */
final class SeedCsv {
  private SeedCsv() {}

  /** Each record of the class-path resource, read by {@code row}, in file order. */
  static <T> List<T> read(String resource, Function<CSVRecord, T> row) {
    InputStream in = SeedCsv.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("Missing seed resource " + resource);
    }
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    List<T> out = new ArrayList<>();
    try (CSVParser parser =
        CSVParser.builder()
            .setReader(new InputStreamReader(in, StandardCharsets.UTF_8))
            .setFormat(format)
            .get()) {
      for (CSVRecord r : parser) {
        out.add(row.apply(r));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}

package org.kimberlite.certification.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.UsdPerCarat;
import org.springframework.stereotype.Component;

/**
 * USD per carat by origin from the published 2022 production figures ({@code
 * certification/value-references.csv}, with its source), for pricing the demo world's shipments
 * only. KP-11 judges values by the valuation module's bands ({@code KpValueBands}), not by these.
 */
@Component
public class ValueReferences {
  static final String WORLD = "WORLD";
  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT
          .builder()
          .setCommentMarker('#')
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .setIgnoreSurroundingSpaces(true)
          .get();

  private final Map<String, UsdPerCarat> usdPerCarat = new HashMap<>();

  public ValueReferences() {
    InputStream in =
        ValueReferences.class
            .getClassLoader()
            .getResourceAsStream("certification/value-references.csv");
    if (in == null) {
      throw new IllegalStateException("missing certification/value-references.csv");
    }
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      read(r).forEach(usdPerCarat::put);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The references of a CSV with columns {@code code,usd_per_carat,...}, by code. */
  static Map<String, UsdPerCarat> read(Reader csv) throws IOException {
    Map<String, UsdPerCarat> out = new HashMap<>();
    for (CSVRecord row : FORMAT.parse(csv)) {
      out.put(
          row.get("code").strip(),
          UsdPerCarat.of(new BigDecimal(row.get("usd_per_carat").strip())));
    }
    return out;
  }

  public Optional<UsdPerCarat> usdPerCarat(CountryCode origin) {
    return Optional.ofNullable(usdPerCarat.get(origin.code()));
  }

  /** The world's average of the same year. */
  public Optional<UsdPerCarat> world() {
    return Optional.ofNullable(usdPerCarat.get(WORLD));
  }
}

package org.kimberlite.certification.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reference USD per carat by origin for KP-11, from the published 2022 production figures ({@code
 * certification/value-references.csv}, with its source). The valuation module will replace these
 * with price books and trailing KP statistics.
 */
@Component
public class ValueReferences {
  private final Map<String, BigDecimal> usdPerCarat = new HashMap<>();

  public ValueReferences() {
    InputStream in =
        ValueReferences.class
            .getClassLoader()
            .getResourceAsStream("certification/value-references.csv");
    if (in == null) {
      throw new IllegalStateException("missing certification/value-references.csv");
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("code,")) {
          continue;
        }
        String[] cells = line.split(",");
        usdPerCarat.put(cells[0].strip(), new BigDecimal(cells[1].strip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<BigDecimal> usdPerCarat(String origin) {
    return Optional.ofNullable(usdPerCarat.get(origin));
  }
}

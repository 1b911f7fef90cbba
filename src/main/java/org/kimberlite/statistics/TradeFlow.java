package org.kimberlite.statistics;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Exports as the exporting participant's certificates record them: the certificates issued in a
 * quarter by {@code exporter} for goods consigned to {@code importer}, under one HS code (STAT-01).
 * Several flows with the same key add up.
 *
 * @param exporter the exporting participant's code
 * @param importer the importing participant's code
 * @param period the quarter of issue
 * @param hsCode 7102.10, 7102.21 or 7102.31
 * @param carats carats to the hundredth, not negative
 * @param valueUsd US dollars to the cent, not negative
 * @param certificates the number of certificates, not negative
 */
public record TradeFlow(
    String exporter,
    String importer,
    Period period,
    String hsCode,
    BigDecimal carats,
    BigDecimal valueUsd,
    long certificates) {

  public TradeFlow {
    exporter = Quantities.code(exporter, "exporter");
    importer = Quantities.code(importer, "importer");
    Objects.requireNonNull(period, "period");
    hsCode = Quantities.code(hsCode, "hsCode");
    carats = Quantities.hundredths(carats, "carats");
    valueUsd = Quantities.hundredths(valueUsd, "valueUsd");
    if (certificates < 0) {
      throw new IllegalArgumentException("certificates must not be negative: " + certificates);
    }
  }
}

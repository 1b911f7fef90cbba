package org.kimberlite.statistics;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Imports as the importing participant's confirmations record them: the shipments from {@code
 * exporter} that {@code importer} confirmed as received in a quarter, under one HS code. Several
 * flows with the same key add up.
 *
 * @param importer the importing participant's code
 * @param exporter the exporting participant's code
 * @param period the quarter of receipt
 * @param hsCode 7102.10, 7102.21 or 7102.31
 * @param carats carats to the hundredth, not negative
 * @param valueUsd US dollars to the cent, not negative
 * @param certificates the number of certificates that accompanied the shipments, not negative
 */
public record ImportFlow(
    String importer,
    String exporter,
    Period period,
    String hsCode,
    BigDecimal carats,
    BigDecimal valueUsd,
    long certificates) {

  public ImportFlow {
    importer = Quantities.code(importer, "importer");
    exporter = Quantities.code(exporter, "exporter");
    Objects.requireNonNull(period, "period");
    hsCode = Quantities.code(hsCode, "hsCode");
    carats = Quantities.hundredths(carats, "carats");
    valueUsd = Quantities.hundredths(valueUsd, "valueUsd");
    if (certificates < 0) {
      throw new IllegalArgumentException("certificates must not be negative: " + certificates);
    }
  }
}

package org.kimberlite.statistics;

import java.util.Objects;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;

/**
 * Exports as the exporting participant's certificates record them: the certificates issued in a
 * quarter by {@code exporter} for goods consigned to {@code importer}, under one HS code (STAT-01).
 * Several flows with the same key add up.
 *
 * @param exporter the exporting participant
 * @param importer the importing participant
 * @param period the quarter of issue
 * @param hsCode 7102.10, 7102.21 or 7102.31
 * @param carats the weight certified
 * @param valueUsd the value certified
 * @param certificates the number of certificates, not negative
 */
public record TradeFlow(
    ParticipantCode exporter,
    ParticipantCode importer,
    Period period,
    HsCode hsCode,
    Carats carats,
    UsdAmount valueUsd,
    long certificates) {

  public TradeFlow {
    Objects.requireNonNull(exporter, "exporter");
    Objects.requireNonNull(importer, "importer");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(hsCode, "hsCode");
    Objects.requireNonNull(carats, "carats");
    Objects.requireNonNull(valueUsd, "valueUsd");
    if (certificates < 0) {
      throw new IllegalArgumentException("certificates must not be negative: " + certificates);
    }
  }
}

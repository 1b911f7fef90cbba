package org.kimberlite.statistics;

import java.util.Objects;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;

/**
 * Imports as the importing participant's confirmations record them: the shipments from {@code
 * exporter} that {@code importer} confirmed as received in a quarter, under one HS code. Several
 * flows with the same key add up. The parties come in the same order as in {@link TradeFlow}:
 * exporter first.
 *
 * @param exporter the exporting participant
 * @param importer the importing participant
 * @param period the quarter of receipt
 * @param hsCode 7102.10, 7102.21 or 7102.31
 * @param carats the weight received
 * @param valueUsd the value received
 * @param certificates the number of certificates that accompanied the shipments, not negative
 */
public record ImportFlow(
    ParticipantCode exporter,
    ParticipantCode importer,
    Period period,
    HsCode hsCode,
    Carats carats,
    UsdAmount valueUsd,
    long certificates) {

  public ImportFlow {
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

package org.kimberlite.certification;

import java.math.BigDecimal;

/**
 * Certificates summed by exporting and importing participant, quarter and HS code: the raw material
 * of the KP trade statistics (STAT-01), always as current as the certificates.
 */
public record TradeRow(
    String exporter,
    String importer,
    int year,
    int quarter,
    String hsCode,
    BigDecimal carats,
    BigDecimal valueUsd,
    long certificates) {}

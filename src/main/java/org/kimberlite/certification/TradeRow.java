package org.kimberlite.certification;

import org.kimberlite.shared.Carats;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;

/**
 * Certificates summed by exporting and importing participant, quarter and HS code: the raw material
 * of the KP trade statistics (STAT-01), always as current as the certificates.
 */
public record TradeRow(
    ParticipantCode exporter,
    ParticipantCode importer,
    int year,
    int quarter,
    HsCode hsCode,
    Carats carats,
    UsdAmount valueUsd,
    long certificates) {}

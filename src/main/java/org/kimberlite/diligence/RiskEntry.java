package org.kimberlite.diligence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An entry of a country or entity risk list, with its history.
 *
 * @param list {@code CAHRA} (conflict-affected or high-risk area), {@code TRANSIT} (a known transit
 *     country of the CAHRA in {@code relatedTo}), {@code SANCTIONED_ORIGIN} (a country) or {@code
 *     SANCTIONED_ENTITY} (an organisation id)
 * @param subject a country code, or an organisation id for a sanctioned entity
 * @param validTo the last day it is in force; null while it is
 */
public record RiskEntry(
    UUID id,
    String list,
    String subject,
    @Nullable String relatedTo,
    LocalDate validFrom,
    @Nullable LocalDate validTo,
    String source,
    String recordedBy,
    Instant recordedAt) {

  public static final String CAHRA = "CAHRA";
  public static final String TRANSIT = "TRANSIT";
  public static final String SANCTIONED_ORIGIN = "SANCTIONED_ORIGIN";
  public static final String SANCTIONED_ENTITY = "SANCTIONED_ENTITY";

  /** Whether the entry is in force on {@code day}. */
  public boolean inForceOn(LocalDate day) {
    return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
  }

  /** Where a user reads it. */
  public String href() {
    return "/api/v1/risk-lists/" + id;
  }
}

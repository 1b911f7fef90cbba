package org.kimberlite.registry;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An area of a suspended participant from which exports are allowed under an operational framework
 * (the Central African Republic's compliant zones, 2016 to 2024).
 */
public record CompliantZone(
    String name,
    LocalDate effectiveFrom,
    @Nullable LocalDate effectiveUntil,
    DatePrecision precision,
    String reason) {

  public boolean appliesOn(LocalDate day) {
    return !day.isBefore(effectiveFrom) && (effectiveUntil == null || day.isBefore(effectiveUntil));
  }
}

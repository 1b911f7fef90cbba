package org.kimberlite.registry;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An area of a suspended participant from which exports are allowed under an operational framework
 * (the Central African Republic's compliant zones, 2016 to 2024).
 *
 * @param decision the KP decision that declared it; {@code null} only for rows recorded before
 *     decisions were kept and not yet linked to one
 */
public record CompliantZone(
    String name,
    LocalDate effectiveFrom,
    @Nullable LocalDate effectiveUntil,
    DatePrecision precision,
    String reason,
    @Nullable DecisionReference decision) {

  /** A zone not (yet) linked to the decision that declared it. */
  public CompliantZone(
      String name,
      LocalDate effectiveFrom,
      @Nullable LocalDate effectiveUntil,
      DatePrecision precision,
      String reason) {
    this(name, effectiveFrom, effectiveUntil, precision, reason, null);
  }

  /** The same zone, declared by {@code by}. */
  public CompliantZone declaredBy(DecisionReference by) {
    return new CompliantZone(name, effectiveFrom, effectiveUntil, precision, reason, by);
  }

  public boolean appliesOn(LocalDate day) {
    return !day.isBefore(effectiveFrom) && (effectiveUntil == null || day.isBefore(effectiveUntil));
  }
}

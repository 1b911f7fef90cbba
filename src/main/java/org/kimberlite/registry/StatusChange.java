package org.kimberlite.registry;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One recorded decision on a participant's status, effective from a date.
 *
 * @param id the stored decision's id (its record id in the transparency log), {@code null} before
 *     it is stored
 */
public record StatusChange(
    StatusChangeType type,
    LocalDate effectiveOn,
    DatePrecision precision,
    String reason,
    @Nullable String source,
    Instant recordedAt,
    String recordedBy,
    @Nullable Long id) {

  /** A decision not stored yet. */
  public StatusChange(
      StatusChangeType type,
      LocalDate effectiveOn,
      DatePrecision precision,
      String reason,
      @Nullable String source,
      Instant recordedAt,
      String recordedBy) {
    this(type, effectiveOn, precision, reason, source, recordedAt, recordedBy, null);
  }

  public ParticipantStatus status() {
    return type.result();
  }
}

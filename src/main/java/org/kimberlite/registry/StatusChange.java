package org.kimberlite.registry;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One recorded decision on a participant's status, effective from a date.
 *
 * @param id the stored decision's id (its record id in the transparency log), {@code null} before
 *     it is stored
 * @param decision the KP decision that ordered it; {@code null} only for rows recorded before
 *     decisions were kept and not yet linked to one
 */
public record StatusChange(
    StatusChangeType type,
    LocalDate effectiveOn,
    DatePrecision precision,
    String reason,
    @Nullable String source,
    Instant recordedAt,
    String recordedBy,
    @Nullable Long id,
    @Nullable DecisionReference decision) {

  /** A stored change without its decision. */
  public StatusChange(
      StatusChangeType type,
      LocalDate effectiveOn,
      DatePrecision precision,
      String reason,
      @Nullable String source,
      Instant recordedAt,
      String recordedBy,
      @Nullable Long id) {
    this(type, effectiveOn, precision, reason, source, recordedAt, recordedBy, id, null);
  }

  /** A decision not stored yet. */
  public StatusChange(
      StatusChangeType type,
      LocalDate effectiveOn,
      DatePrecision precision,
      String reason,
      @Nullable String source,
      Instant recordedAt,
      String recordedBy) {
    this(type, effectiveOn, precision, reason, source, recordedAt, recordedBy, null, null);
  }

  /** The same change, ordered by {@code by}. */
  public StatusChange orderedBy(DecisionReference by) {
    return new StatusChange(
        type, effectiveOn, precision, reason, source, recordedAt, recordedBy, id, by);
  }

  public ParticipantStatus status() {
    return type.result();
  }
}

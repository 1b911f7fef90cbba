package org.kimberlite.registry;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One recorded decision on a participant's status, effective from a date. */
public record StatusChange(
    StatusChangeType type,
    LocalDate effectiveOn,
    DatePrecision precision,
    String reason,
    @Nullable String source,
    Instant recordedAt,
    String recordedBy) {

  public ParticipantStatus status() {
    return type.result();
  }
}

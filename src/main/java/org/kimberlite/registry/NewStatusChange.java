package org.kimberlite.registry;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A status decision to record for a participant, as the KP secretariat enters it. */
public record NewStatusChange(
    StatusChangeType type,
    LocalDate effectiveOn,
    DatePrecision precision,
    String reason,
    @Nullable String source) {}

package org.kimberlite.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One revision of a participant's production for a half-year (H1, H2) or, for published reference
 * figures, a full year (FY).
 *
 * @param participant the participant's code, or {@code null} for a published residual line such as
 *     "Others"
 * @param label the participant's code, or the published label when there is no code
 */
public record ProductionReport(
    @Nullable String participant,
    String label,
    int year,
    String half,
    int revision,
    BigDecimal carats,
    BigDecimal valueUsd,
    @Nullable BigDecimal industrialCarats,
    @Nullable BigDecimal artisanalCarats,
    @Nullable String reason,
    String source,
    String submittedBy,
    Instant submittedAt) {}

package org.kimberlite.statistics;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;

/**
 * One revision of a participant's production for a half-year (H1, H2) or, for published reference
 * figures, a full year (FY).
 *
 * @param participant the participant, or {@code null} for a published residual line such as
 *     "Others" or the published world total
 * @param label the participant's code, or the published label when there is no participant
 */
public record ProductionReport(
    @Nullable ParticipantCode participant,
    String label,
    int year,
    String half,
    int revision,
    Carats carats,
    UsdAmount valueUsd,
    @Nullable Carats industrialCarats,
    @Nullable Carats artisanalCarats,
    @Nullable String reason,
    String source,
    String submittedBy,
    Instant submittedAt) {}

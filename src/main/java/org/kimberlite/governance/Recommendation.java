package org.kimberlite.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;

/**
 * A recommendation to lift the restrictions on a participant, recorded by a member of its
 * monitoring team or by the secretariat, with the evidence it rests on: the monitoring figures over
 * a stated period, computed and frozen when it was recorded.
 *
 * @param recommendedOn the day the recommendation was made
 * @param evidenceFrom the first day of the period the evidence covers
 * @param evidenceTo the last day of that period
 * @param evidenceAsOf the day the evidence was computed (its flags as of that day)
 * @param deadlineDays the confirmation deadline the evidence was computed with
 * @param evidenceTruncated whether the period held more exports than one report reads
 * @param source for a recommendation of the KP's past, where the facts come from
 * @param organisationId the recording organisation; {@code null} for one of the KP's past
 */
public record Recommendation(
    UUID id,
    ParticipantCode participant,
    LocalDate recommendedOn,
    String text,
    LocalDate evidenceFrom,
    LocalDate evidenceTo,
    LocalDate evidenceAsOf,
    int deadlineDays,
    MonitoringTotals evidence,
    boolean evidenceTruncated,
    @Nullable String source,
    @Nullable UUID organisationId,
    String organisationName,
    Instant recordedAt,
    String recordedBy) {}

package org.kimberlite.governance;

import java.time.LocalDate;
import org.kimberlite.shared.ParticipantCode;

/** What anyone may know of a visit: that it took place, where, when, and how it stands. */
public record ReviewVisitSummary(
    ReviewVisitId id,
    ParticipantCode participant,
    LocalDate startsOn,
    LocalDate endsOn,
    VisitStatus status) {}

package org.kimberlite.diligence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;

/**
 * A red flag raised by a policy on some facts, with what it rests on and the answers given.
 *
 * @param escalation {@code NONE}, {@code AUTHORITY} or {@code SECRETARIAT}
 * @param reviewOn the review date of the last response that set one
 */
public record Finding(
    UUID id,
    String rule,
    Severity severity,
    FindingStatus status,
    String escalation,
    String summary,
    List<UUID> organisations,
    List<ParticipantCode> participants,
    List<Evidence> evidence,
    Instant raisedAt,
    @Nullable LocalDate reviewOn,
    List<Response> responses) {
  public Finding {
    organisations = List.copyOf(organisations);
    participants = List.copyOf(participants);
    evidence = List.copyOf(evidence);
    responses = List.copyOf(responses);
  }
}

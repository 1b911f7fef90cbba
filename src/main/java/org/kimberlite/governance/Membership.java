package org.kimberlite.governance;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;

/**
 * An organisation's seat on a working body.
 *
 * @param concerning the participant whose case the body follows (a monitoring team), else {@code
 *     null}
 */
public record Membership(
    long id,
    Body body,
    @Nullable ParticipantCode concerning,
    UUID organisationId,
    String organisationName,
    Seat seat,
    Instant appointedAt,
    String appointedBy) {}

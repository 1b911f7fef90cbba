package org.kimberlite.federation;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;

/**
 * One delivery in this node's outbox, as the operator sees it.
 *
 * @param targetNode the node it goes to, once the directory named one
 * @param attempts how many times it was tried
 * @param nextAttemptAt when it is tried next (while not delivered)
 * @param deliveredAt when the importing node accepted it, or null
 * @param lastError why the last attempt failed, or null
 */
public record OutboxEntry(
    UUID id,
    String number,
    DeliveryKind kind,
    ParticipantCode issuingParticipant,
    ParticipantCode importingParticipant,
    Instant createdAt,
    int attempts,
    Instant nextAttemptAt,
    @Nullable String targetNode,
    @Nullable Instant deliveredAt,
    @Nullable String lastError) {}

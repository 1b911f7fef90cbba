package org.kimberlite.registry;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An API token's metadata; the token itself is shown once and never stored. */
public record ApiToken(
    UUID id,
    UUID accountId,
    UUID organisationId,
    String label,
    Instant createdAt,
    Instant expiresAt,
    @Nullable Instant revokedAt) {}

package org.kimberlite.governance;

import java.time.Instant;
import java.util.UUID;

/** The visited participant's response to the findings, by its KP authority. */
public record ReviewVisitResponse(
    String text, UUID organisationId, String respondedBy, Instant respondedAt) {}

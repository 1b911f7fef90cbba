package org.kimberlite.custody;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored event: the event as captured (with its {@code eventID} and {@code recordTime} as the
 * repository answers them), who captured it, and its entry in the transparency log.
 *
 * @param json the event as a query returns it (compact JSON)
 * @param logEntry the log entry committing to it; its record and salt open to the capturer
 */
public record StoredEvent(
    long seq,
    String hashId,
    String eventId,
    String type,
    Instant eventTime,
    Instant recordTime,
    UUID capturedBy,
    UUID captureId,
    UUID logEntry,
    String json) {}

package org.kimberlite.ledger;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One committed entry as the platform holds it.
 *
 * @param data the public log entry: the canonical envelope {type, id, issuer, time, digest}
 * @param index its position in the log, or {@code null} until the integrator has placed it
 * @param recordJson the canonical record, or {@code null} when the caller may not see it
 * @param salt the salt of the digest, or {@code null} when the caller may not see it
 */
public record LogEntry(
    UUID entryId,
    String type,
    String recordId,
    String issuer,
    Instant time,
    byte[] data,
    byte[] leafHash,
    @Nullable Long index,
    @Nullable String recordJson,
    byte @Nullable [] salt) {}

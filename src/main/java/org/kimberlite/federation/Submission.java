package org.kimberlite.federation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How submitting this log's checkpoints to one peer's witness goes.
 *
 * @param witness the witness's verifier key name
 * @param operator who runs it
 * @param url where its {@code add-checkpoint} is
 * @param cosignedSize the size of this log's checkpoint it cosigned last, 0 before the first
 * @param attemptedAt the last attempt
 * @param succeededAt the last success, or null
 * @param error why the last attempt failed, or null when it succeeded
 */
public record Submission(
    String witness,
    String operator,
    String url,
    long cosignedSize,
    Instant attemptedAt,
    @Nullable Instant succeededAt,
    @Nullable String error) {}

package org.kimberlite.federation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The state of fetching statistics documents from one node, on the secretariat's node.
 *
 * @param documents how many documents the last successful fetch brought
 * @param lastError why the last attempt failed, or which document it refused; null when it passed
 */
public record StatisticsSource(
    String node,
    Instant lastAttemptAt,
    @Nullable Instant lastSuccessAt,
    int documents,
    @Nullable String lastError) {}

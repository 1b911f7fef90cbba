package org.kimberlite.platform.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Idempotency keys.
 *
 * @param ttl how long a key is kept after its first use; a retry after that runs the action again
 * @param lease how long a first attempt may run before a retry may take its key over (only when the
 *     first attempt's action has not committed; a late first attempt then rolls back)
 * @param purgeEvery how often expired keys are deleted
 * @param maxAnswerBytes the largest answer kept for replay; a larger one is answered once and a
 *     retry is told that its outcome cannot be replayed
 */
@ConfigurationProperties("kimberlite.idempotency")
public record IdempotencyProperties(
    @DefaultValue("24h") Duration ttl,
    @DefaultValue("30s") Duration lease,
    @DefaultValue("10m") Duration purgeEvery,
    @DefaultValue("4194304") int maxAnswerBytes) {}

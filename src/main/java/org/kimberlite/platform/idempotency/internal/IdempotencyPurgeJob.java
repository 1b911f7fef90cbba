package org.kimberlite.platform.idempotency.internal;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Deletes expired idempotency keys, every {@code kimberlite.idempotency.purge-every}. */
@Configuration
@EnableScheduling
@ConditionalOnWebApplication
class IdempotencyPurgeJob {
  private static final Logger log = LoggerFactory.getLogger(IdempotencyPurgeJob.class);
  private final IdempotencyRepository repository;
  private final Clock clock;

  IdempotencyPurgeJob(IdempotencyRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${kimberlite.idempotency.purge-every:PT10M}",
      initialDelayString = "PT30S")
  void purge() {
    int n = repository.purge(clock.instant());
    if (n > 0) {
      log.info("{} expired idempotency key(s) deleted", n);
    }
  }
}

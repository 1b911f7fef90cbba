package org.kimberlite.platform.events.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the event publication registry (ADR 0011) moving, in the server only (the one-shot commands
 * that start the platform leave it alone):
 *
 * <ul>
 *   <li>when the server is ready, every publication a crash or a stop left incomplete is published
 *       again;
 *   <li>publications whose listener failed (a database outage, a bug since fixed) are published
 *       again every {@code kimberlite.events.retry-every} once they are that old, so a running
 *       server does not wait for a restart to catch up;
 *   <li>completed publications older than {@code kimberlite.events.keep-completed} are deleted, so
 *       the table holds what is in flight and a short history, not every fact ever published.
 * </ul>
 *
 * Listeners are idempotent, so a publication delivered twice changes nothing.
 */
@Component
@EnableScheduling
@ConditionalOnWebApplication
public class PublicationRegistryJobs {
  private static final Logger log = LoggerFactory.getLogger(PublicationRegistryJobs.class);

  private final IncompleteEventPublications incomplete;
  private final FailedEventPublications failed;
  private final CompletedEventPublications completed;
  private final Duration retryEvery;
  private final Duration keepCompleted;

  PublicationRegistryJobs(
      IncompleteEventPublications incomplete,
      FailedEventPublications failed,
      CompletedEventPublications completed,
      @Value("${kimberlite.events.retry-every:PT10M}") Duration retryEvery,
      @Value("${kimberlite.events.keep-completed:P7D}") Duration keepCompleted) {
    this.incomplete = incomplete;
    this.failed = failed;
    this.completed = completed;
    this.retryEvery = retryEvery;
    this.keepCompleted = keepCompleted;
  }

  /** Publishes again every incomplete publication (at start, before any new fact can be). */
  @EventListener(ApplicationReadyEvent.class)
  public void republishIncomplete() {
    incomplete.resubmitIncompletePublications(publication -> true);
  }

  @Scheduled(
      fixedDelayString = "${kimberlite.events.retry-every:PT10M}",
      initialDelayString = "${kimberlite.events.retry-every:PT10M}")
  void retryFailed() {
    failed.resubmit(ResubmissionOptions.defaults().withMinAge(retryEvery));
  }

  /** Deletes the completed publications older than the retention. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
  public void purgeCompleted() {
    completed.deletePublicationsOlderThan(keepCompleted);
    log.debug("Completed event publications older than {} deleted", keepCompleted);
  }
}

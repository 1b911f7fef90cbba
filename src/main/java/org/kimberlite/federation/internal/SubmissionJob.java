package org.kimberlite.federation.internal;

import org.kimberlite.federation.Submitting;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Submits this log's checkpoints to the peers' witnesses every {@code
 * kimberlite.federation.submit-interval}, on the scheduler's thread: no request waits for a peer.
 */
@Component
@EnableScheduling
class SubmissionJob {
  private final Submitting submitting;

  SubmissionJob(Submitting submitting) {
    this.submitting = submitting;
  }

  @Scheduled(
      fixedDelayString = "${kimberlite.federation.submit-interval:1m}",
      initialDelayString = "${kimberlite.federation.submit-interval:1m}")
  void run() {
    if (submitting.enabled()) {
      submitting.submitAll();
    }
  }
}

package org.kimberlite.diligence.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the time-driven checks in the server, first a few minutes after the start and then every few
 * hours; the one-shot commands that start the platform do not.
 */
@Component
@ConditionalOnWebApplication
class DiligenceSchedule {
  private final DiligenceJobs jobs;

  DiligenceSchedule(DiligenceJobs jobs) {
    this.jobs = jobs;
  }

  @Scheduled(
      initialDelayString = "${kimberlite.diligence.job-delay:PT5M}",
      fixedDelayString = "${kimberlite.diligence.job-interval:PT6H}")
  void run() {
    jobs.run();
  }
}

package org.kimberlite.governance.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Escalates overdue actions of peer review visits in the server, a few minutes after the start and
 * then every few hours; the one-shot commands that start the platform do not.
 */
@Component
@ConditionalOnWebApplication
class ReviewVisitSchedule {
  private final ReviewVisitEscalation escalation;

  ReviewVisitSchedule(ReviewVisitEscalation escalation) {
    this.escalation = escalation;
  }

  @Scheduled(
      initialDelayString = "${kimberlite.governance.escalation-delay:PT5M}",
      fixedDelayString = "${kimberlite.governance.escalation-interval:PT6H}")
  void run() {
    escalation.escalate();
  }
}

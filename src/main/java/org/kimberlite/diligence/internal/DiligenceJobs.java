package org.kimberlite.diligence.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time-driven facts: a counterparty's RJC certification or SoW registration lapsing (DD-03 over the
 * last twelve months' certificates, as of today) and escalation of overdue findings (DD-06); the
 * server runs them on a schedule ({@link DiligenceSchedule}).
 */
@Component
public class DiligenceJobs {
  private final Evaluator evaluator;
  private final FindingRepository findings;
  private final Duration openLimit;
  private final Duration authorityLimit;
  private final Clock clock;

  public DiligenceJobs(
      Evaluator evaluator,
      FindingRepository findings,
      @Value("${kimberlite.diligence.open-limit:P30D}") Duration openLimit,
      @Value("${kimberlite.diligence.authority-limit:P30D}") Duration authorityLimit,
      Clock clock) {
    this.evaluator = evaluator;
    this.findings = findings;
    this.openLimit = openLimit;
    this.authorityLimit = authorityLimit;
    this.clock = clock;
  }

  /** Both checks, in one transaction. */
  @Transactional
  public void run() {
    lapses();
    escalate();
  }

  /** DD-03 as of today for the certificates of the last twelve months; new findings. */
  @Transactional
  public int lapses() {
    int raised = 0;
    for (String number : evaluator.recentCertificates()) {
      raised += evaluator.counterparties(number);
    }
    return raised;
  }

  /** Escalates overdue findings; how many moved. */
  @Transactional
  public int escalate() {
    Instant now = clock.instant();
    return findings.escalate(
        LocalDate.now(clock), now.minus(openLimit), now.minus(authorityLimit), now);
  }
}

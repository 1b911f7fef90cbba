package org.kimberlite.diligence.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.kimberlite.statistics.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time-driven facts: a counterparty's RJC certification or SoW registration lapsing (DD-03 over the
 * last twelve months' certificates, as of today), the warranty reconciliation of closed quarters
 * (SOW-05) and escalation of overdue findings (DD-06); the server runs them on a schedule ({@link
 * DiligenceSchedule}).
 */
@Component
public class DiligenceJobs {
  /** How many closed quarters each run reconciles. */
  public static final int RECONCILED_QUARTERS = 4;

  private final Evaluator evaluator;
  private final FindingRepository findings;
  private final Duration openLimit;
  private final Duration authorityLimit;
  private final java.time.Period reconciliationGrace;
  private final Clock clock;

  public DiligenceJobs(
      Evaluator evaluator,
      FindingRepository findings,
      @Value("${kimberlite.diligence.open-limit:P30D}") Duration openLimit,
      @Value("${kimberlite.diligence.authority-limit:P30D}") Duration authorityLimit,
      @Value("${kimberlite.diligence.reconciliation-grace:P14D}")
          java.time.Period reconciliationGrace,
      Clock clock) {
    this.evaluator = evaluator;
    this.findings = findings;
    this.openLimit = openLimit;
    this.authorityLimit = authorityLimit;
    this.reconciliationGrace = reconciliationGrace;
    this.clock = clock;
  }

  /** Every time-driven check, in one transaction. */
  @Transactional
  public void run() {
    lapses();
    reconciliations();
    escalate();
  }

  /**
   * SOW-05 over the last {@link #RECONCILED_QUARTERS} quarters that ended at least {@code
   * kimberlite.diligence.reconciliation-grace} ago (so that events captured a little late are in);
   * a quarter already judged raises nothing new.
   */
  @Transactional
  public int reconciliations() {
    LocalDate today = LocalDate.now(clock);
    Period p = Period.of(today).previous();
    while (!p.lastDay().plus(reconciliationGrace).isBefore(today)) {
      p = p.previous();
    }
    int raised = 0;
    for (int i = 0; i < RECONCILED_QUARTERS; i++, p = p.previous()) {
      raised += evaluator.reconciliations(p);
    }
    return raised;
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

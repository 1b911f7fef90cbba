package org.kimberlite.certification.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.kimberlite.certification.Violation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counters of the issue use case: {@code kimberlite.certificates.issued} (counted once the
 * certificate is committed) and {@code kimberlite.certificates.refused}, tagged with each rule
 * broken ({@code rule}: a rule ID such as KP-03; one refusal breaking two rules counts under both).
 * Labels carry rule IDs only: never a number, a party or a participant.
 */
@Component
public class CertificateMetrics {
  private final MeterRegistry registry;
  private final Counter issued;

  public CertificateMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.issued =
        Counter.builder("kimberlite.certificates.issued")
            .description("KP certificates issued")
            .register(registry);
  }

  /** One certificate issued, counted when the current transaction commits. */
  public void issued() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              issued.increment();
            }
          });
    } else {
      issued.increment();
    }
  }

  /** One issue refused, under each rule it broke. */
  public void refused(List<Violation> violations) {
    violations.stream()
        .map(Violation::rule)
        .distinct()
        .forEach(
            rule ->
                Counter.builder("kimberlite.certificates.refused")
                    .description("Certificate issues refused, by rule broken")
                    .tag("rule", rule)
                    .register(registry)
                    .increment());
  }
}

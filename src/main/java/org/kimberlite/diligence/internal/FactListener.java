package org.kimberlite.diligence.internal;

import org.kimberlite.certification.CertificateChanged;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.custody.EventsCaptured;
import org.kimberlite.registry.OrganisationChanged;
import org.kimberlite.registry.ParticipantStatusChanged;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.statistics.ProductionReportFiled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Listens to the modules' domain facts through the event publication registry (ADR 0011): each
 * event is stored with the transaction that committed the fact, handled after the commit on a
 * worker thread in a transaction of its own, and marked complete only when that transaction
 * commits; an event left incomplete by a crash is published again at the next start. Handling is
 * idempotent (findings are unique per rule and facts), so a second delivery changes nothing.
 */
@Component
class FactListener {
  private static final Logger log = LoggerFactory.getLogger(FactListener.class);

  private final Evaluator evaluator;

  FactListener(Evaluator evaluator) {
    this.evaluator = evaluator;
  }

  @ApplicationModuleListener
  void on(CertificateChanged e) {
    int raised = evaluator.certificate(e.number());
    if (e.status() == CertificateStatus.CONFIRMED) {
      raised += evaluator.statistics(e.at().atZone(java.time.ZoneOffset.UTC).getYear());
    }
    log.debug("certificate {} {}: {} new findings", e.number(), e.status(), raised);
  }

  @ApplicationModuleListener
  void on(EventsCaptured e) {
    evaluator.capture(e.captureId());
  }

  @ApplicationModuleListener
  void on(ProductionReportFiled e) {
    evaluator.production(ParticipantCode.of(e.participant()), e.year());
    evaluator.statistics(e.year());
  }

  @ApplicationModuleListener
  void on(ParticipantStatusChanged e) {
    for (String number : evaluator.recentCertificates()) {
      evaluator.certificate(number);
    }
  }

  @ApplicationModuleListener
  void on(OrganisationChanged e) {
    for (String number : evaluator.recentCertificates()) {
      evaluator.counterparties(number);
    }
  }
}

package org.kimberlite.certification;

import java.time.LocalDate;
import org.kimberlite.certification.internal.TradeAggregates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports of certificates issued on another node (docs/federation.md): when the importing
 * participant's authority confirms one here, this node counts it among its participant's imports,
 * as it counts a confirmation of a certificate issued here, so that its statistics, and the
 * documents it publishes of them, hold the shipment on both sides. Called inside the transaction
 * that records the confirmation.
 */
@Service
public class ImportsFromOtherNodes {
  private final TradeAggregates aggregates;

  ImportsFromOtherNodes(TradeAggregates aggregates) {
    this.aggregates = aggregates;
  }

  /** Adds {@code certificate}, received on {@code receivedOn}, to the importing side's figures. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void confirmed(KpCertificate certificate, LocalDate receivedOn) {
    aggregates.confirmed(certificate, receivedOn);
  }
}

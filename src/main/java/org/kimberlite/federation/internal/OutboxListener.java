package org.kimberlite.federation.internal;

import org.kimberlite.certification.CertificateChanged;
import org.kimberlite.federation.Exchange;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes the outbox from certification's facts through the event publication registry (ADR 0011):
 * the event is stored in the transaction that issued or cancelled the certificate, and this
 * listener, once that transaction committed, writes the outbox entry in a transaction of its own;
 * the publication completes only when it has. A single node has no such listener, so its
 * certificates leave no publication and no outbox entry behind.
 */
@Component
@ConditionalOnExpression("'${kimberlite.federation.exchange.node-id:}' != ''")
class OutboxListener {
  private final Exchange exchange;

  OutboxListener(Exchange exchange) {
    this.exchange = exchange;
  }

  @ApplicationModuleListener
  void on(CertificateChanged e) {
    exchange.enqueue(e);
  }
}

package org.kimberlite.federation.internal;

import org.kimberlite.federation.Directories;
import org.kimberlite.federation.Exchange;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The exchange's background work on a node of a federation: fetching the directory from the
 * secretariat's node, and the outbox sender. Neither blocks a request thread.
 */
@Component
@EnableScheduling
@ConditionalOnExpression("'${kimberlite.federation.exchange.node-id:}' != ''")
class ExchangeJobs {
  private final Directories directories;
  private final Exchange exchange;

  ExchangeJobs(Directories directories, Exchange exchange) {
    this.directories = directories;
    this.exchange = exchange;
  }

  @Scheduled(fixedDelayString = "${kimberlite.federation.exchange.fetch-interval:5m}")
  void fetchDirectory() {
    directories.fetch();
  }

  @Scheduled(fixedDelayString = "${kimberlite.federation.exchange.send-interval:2s}")
  void send() {
    exchange.sendDue();
  }
}

package org.kimberlite.federation.internal;

import org.kimberlite.federation.FederatedStatistics;
import org.kimberlite.federation.StatisticsExchangeProperties;
import org.kimberlite.federation.StatisticsPublishing;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Statistics across nodes in the background, on a node of a federation: this node makes its
 * documents of the recent years (a new version only where figures changed), and the secretariat's
 * node then fetches the other nodes' documents. No request thread waits for it.
 */
@Component
@EnableScheduling
@ConditionalOnExpression("'${kimberlite.federation.exchange.node-id:}' != ''")
class StatisticsJobs {
  private final StatisticsPublishing publishing;
  private final FederatedStatistics federated;
  private final StatisticsExchangeProperties properties;

  StatisticsJobs(
      StatisticsPublishing publishing,
      FederatedStatistics federated,
      StatisticsExchangeProperties properties) {
    this.publishing = publishing;
    this.federated = federated;
    this.properties = properties;
  }

  @Scheduled(
      fixedDelayString = "${kimberlite.federation.statistics.interval:1h}",
      initialDelayString = "${kimberlite.federation.statistics.interval:1h}")
  void round() {
    publishing.makeRecent(properties.years());
    federated.fetchAll(properties.years());
  }
}

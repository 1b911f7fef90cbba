package org.kimberlite.federation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of statistics across nodes (docs/federation.md). Used only on a node of a federation.
 *
 * @param interval the pause between two rounds of making this node's documents (and, on the
 *     secretariat's node, of fetching the other nodes' documents)
 * @param years how many years, back from the current one, each round covers: 1 to 10
 */
@ConfigurationProperties("kimberlite.federation.statistics")
public record StatisticsExchangeProperties(
    @DefaultValue("1h") Duration interval, @DefaultValue("2") int years) {

  public StatisticsExchangeProperties {
    if (years < 1 || years > 10) {
      throw new IllegalArgumentException(
          "kimberlite.federation.statistics.years must be 1 to 10: " + years);
    }
  }
}

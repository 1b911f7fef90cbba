package org.kimberlite.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wait between two attempts of a delivery: doubling from the first, never above the max. */
class BackoffTest {
  static final ExchangeProperties SETTINGS =
      new ExchangeProperties(
          "bw",
          "",
          "",
          false,
          "node.key",
          Duration.ofMinutes(5),
          Duration.ofSeconds(2),
          Duration.ofSeconds(5),
          Duration.ofSeconds(60),
          Duration.ofSeconds(10),
          Duration.ofMinutes(5));

  @Test
  void theWaitDoublesWithEachFailureUpToTheMax() {
    assertThat(Exchange.backoff(0, SETTINGS)).isEqualTo(Duration.ofSeconds(5));
    assertThat(Exchange.backoff(1, SETTINGS)).isEqualTo(Duration.ofSeconds(10));
    assertThat(Exchange.backoff(3, SETTINGS)).isEqualTo(Duration.ofSeconds(40));
    assertThat(Exchange.backoff(4, SETTINGS)).isEqualTo(Duration.ofSeconds(60));
    assertThat(Exchange.backoff(Integer.MAX_VALUE, SETTINGS)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aServerWithoutANodeIdIsASingleNode() {
    assertThat(SETTINGS.enabled()).isTrue();
    ExchangeProperties single =
        new ExchangeProperties(
            " ",
            "",
            "",
            false,
            "node.key",
            Duration.ofMinutes(5),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            Duration.ofSeconds(60),
            Duration.ofSeconds(10),
            Duration.ofMinutes(5));
    assertThat(single.enabled()).isFalse();
  }
}

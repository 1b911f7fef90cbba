package org.kimberlite.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** Readiness of the log: the integrator alive and the oldest waiting entry within the bound. */
class IntegrationHealthTest {
  static final Duration BOUND = Duration.ofSeconds(30);

  static Status status(long pending, Duration lag, boolean shouldIntegrate, boolean running) {
    return IntegrationHealth.health(10, pending, lag, shouldIntegrate, running, BOUND).getStatus();
  }

  @Test
  void upWhenNothingWaitsOrTheOldestWaitsWithinTheBound() {
    assertThat(status(0, Duration.ZERO, true, true)).isEqualTo(Status.UP);
    assertThat(status(5, Duration.ofSeconds(10), true, true)).isEqualTo(Status.UP);
    assertThat(status(5, BOUND, true, true)).isEqualTo(Status.UP);
  }

  @Test
  void downWhenTheOldestWaitsLongerThanTheBoundWhoeverIntegrates() {
    assertThat(status(5, BOUND.plusSeconds(1), true, true)).isEqualTo(Status.DOWN);
    assertThat(status(5, Duration.ofMinutes(5), false, false)).isEqualTo(Status.DOWN);
  }

  @Test
  void downWhenThisProcessShouldIntegrateAndItsIntegratorIsStopped() {
    assertThat(status(0, Duration.ZERO, true, false)).isEqualTo(Status.DOWN);
    // A process that leaves integration to another is judged by the lag alone.
    assertThat(status(0, Duration.ZERO, false, false)).isEqualTo(Status.UP);
  }

  @Test
  void detailsAreCountsOnly() {
    var details =
        IntegrationHealth.health(10, 3, Duration.ofSeconds(7), true, true, BOUND).getDetails();
    assertThat(details)
        .containsOnlyKeys(
            "treeSize", "pending", "lagSeconds", "maxLagSeconds", "integratorRunning");
    assertThat(details.get("lagSeconds")).isEqualTo(7L);
  }
}

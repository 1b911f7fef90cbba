package org.kimberlite.custody.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kimberlite.registry.SowRegistration;

/** SOW-03 at its boundaries. */
class SowRegistrationsTest {
  static final LocalDate DUE = LocalDate.of(2025, 6, 30);

  @Test
  void currentOnTheRenewalDayLapsedTheDayAfter() {
    SowRegistration r = new SowRegistration("SOW-1", DUE);
    assertThat(SowRegistrations.check(r, DUE)).isEmpty();
    assertThat(SowRegistrations.check(r, DUE.plusDays(1)))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.rule()).isEqualTo("SOW-03");
              assertThat(b.blocks()).isFalse();
            });
  }

  @Test
  void noRegistrationIsFlagged() {
    assertThat(SowRegistrations.check(null, DUE))
        .singleElement()
        .satisfies(b -> assertThat(b.rule()).isEqualTo("SOW-03"));
  }
}

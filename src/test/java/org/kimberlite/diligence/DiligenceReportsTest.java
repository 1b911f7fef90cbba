package org.kimberlite.diligence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kimberlite.diligence.DiligenceReports.Compliance;
import org.kimberlite.diligence.DiligenceReports.Standing;
import org.kimberlite.registry.RjcCertification;
import org.kimberlite.registry.SowRegistration;

/** The RJC and SoW standing on a year's last day, at the edges of their terms. */
class DiligenceReportsTest {
  static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);

  @Test
  void rjcCurrentThroughItsLastDayLapsedAfterNoneBeforeItStarts() {
    RjcCertification endsOnTheDay = new RjcCertification("RJC-1", LocalDate.of(2025, 1, 1), 1);
    assertThat(DiligenceReports.rjc(endsOnTheDay, LAST_DAY))
        .isEqualTo(new Compliance(Standing.CURRENT, "RJC-1", LAST_DAY));
    RjcCertification endedTheDayBefore =
        new RjcCertification("RJC-2", LocalDate.of(2024, 12, 31), 1);
    assertThat(DiligenceReports.rjc(endedTheDayBefore, LAST_DAY))
        .isEqualTo(new Compliance(Standing.LAPSED, "RJC-2", LocalDate.of(2025, 12, 30)));
    RjcCertification later = new RjcCertification("RJC-3", LocalDate.of(2026, 1, 1), 3);
    assertThat(DiligenceReports.rjc(later, LAST_DAY).standing()).isEqualTo(Standing.NONE);
    assertThat(DiligenceReports.rjc(null, LAST_DAY).standing()).isEqualTo(Standing.NONE);
  }

  @Test
  void sowCurrentUntilItsRenewalDayLapsedAfter() {
    assertThat(DiligenceReports.sow(new SowRegistration("SOW-1", LAST_DAY), LAST_DAY).standing())
        .isEqualTo(Standing.CURRENT);
    assertThat(DiligenceReports.sow(new SowRegistration("SOW-1", LAST_DAY.minusDays(1)), LAST_DAY))
        .isEqualTo(new Compliance(Standing.LAPSED, "SOW-1", LAST_DAY.minusDays(1)));
    assertThat(DiligenceReports.sow(null, LAST_DAY).standing()).isEqualTo(Standing.NONE);
  }
}

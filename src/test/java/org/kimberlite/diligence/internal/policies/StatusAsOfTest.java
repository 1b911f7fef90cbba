package org.kimberlite.diligence.internal.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kimberlite.diligence.Decision;
import org.kimberlite.diligence.FindingStatus;

class StatusAsOfTest {
  static final Instant YEAR_END = Instant.parse("2026-01-01T00:00:00Z");
  static final Duration LIMIT = Duration.ofDays(30);
  static final Instant RAISED = Instant.parse("2025-12-20T10:00:00Z");

  static FindingStatus at(List<StatusAsOf.Answer> answers) {
    return StatusAsOf.status(RAISED, answers, YEAR_END, LIMIT);
  }

  static StatusAsOf.Answer answer(Decision d, String at, String reviewOn) {
    return new StatusAsOf.Answer(
        d, Instant.parse(at), reviewOn == null ? null : LocalDate.parse(reviewOn));
  }

  @Test
  void aResponseOnTheLastSecondOfTheYearCounts() {
    assertThat(at(List.of(answer(Decision.DISENGAGE, "2025-12-31T23:59:59Z", null))))
        .isEqualTo(FindingStatus.CLOSED);
    assertThat(at(List.of(answer(Decision.DISENGAGE, "2025-12-31T23:59:59.999Z", null))))
        .isEqualTo(FindingStatus.CLOSED);
  }

  @Test
  void aResponseOnNewYearsDayDoesNot() {
    assertThat(at(List.of(answer(Decision.DISENGAGE, "2026-01-01T00:00:00Z", null))))
        .isEqualTo(FindingStatus.OPEN);
  }

  @Test
  void theLastResponseBeforeTheYearEndDecides() {
    assertThat(
            at(
                List.of(
                    answer(Decision.SUSPEND, "2025-12-21T00:00:00Z", null),
                    answer(Decision.CONTINUE, "2025-12-22T00:00:00Z", "2026-03-01"),
                    answer(Decision.DISENGAGE, "2026-01-02T00:00:00Z", null))))
        .isEqualTo(FindingStatus.RESPONDED);
    assertThat(
            at(
                List.of(
                    answer(Decision.DISENGAGE, "2025-12-22T00:00:00Z", null),
                    answer(Decision.SUSPEND, "2025-12-21T00:00:00Z", null))))
        .isEqualTo(FindingStatus.CLOSED);
  }

  @Test
  void aReviewDatePassedBeforeTheLastDayIsEscalatedOnTheLastDayNot() {
    assertThat(at(List.of(answer(Decision.CONTINUE, "2025-12-21T00:00:00Z", "2025-12-30"))))
        .isEqualTo(FindingStatus.ESCALATED);
    assertThat(at(List.of(answer(Decision.CONTINUE, "2025-12-21T00:00:00Z", "2025-12-31"))))
        .isEqualTo(FindingStatus.RESPONDED);
  }

  @Test
  void unansweredPastTheOpenLimitIsEscalated() {
    Instant edge = YEAR_END.minus(LIMIT);
    assertThat(StatusAsOf.status(edge, List.of(), YEAR_END, LIMIT)).isEqualTo(FindingStatus.OPEN);
    assertThat(StatusAsOf.status(edge.minusMillis(1), List.of(), YEAR_END, LIMIT))
        .isEqualTo(FindingStatus.ESCALATED);
    assertThat(StatusAsOf.open(FindingStatus.ESCALATED)).isTrue();
    assertThat(StatusAsOf.open(FindingStatus.RESPONDED)).isFalse();
  }
}

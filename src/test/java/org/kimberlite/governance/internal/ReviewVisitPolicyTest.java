package org.kimberlite.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kimberlite.governance.MinimumRequirement;
import org.kimberlite.governance.VisitStatus;
import org.kimberlite.governance.internal.ReviewVisitPolicy.Step;

/** The course of a visit and the overdue rule, at their boundaries. */
class ReviewVisitPolicyTest {
  static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

  @Test
  void eachStatusIsFollowedByTheNextOnly() {
    assertThat(ReviewVisitPolicy.mayFollow(VisitStatus.PLANNED, VisitStatus.CONDUCTED)).isTrue();
    assertThat(ReviewVisitPolicy.mayFollow(VisitStatus.CONDUCTED, VisitStatus.RESPONDED)).isTrue();
    assertThat(ReviewVisitPolicy.mayFollow(VisitStatus.RESPONDED, VisitStatus.CLOSED)).isTrue();
    for (VisitStatus from : VisitStatus.values()) {
      for (VisitStatus to : VisitStatus.values()) {
        boolean next = to.ordinal() == from.ordinal() + 1;
        assertThat(ReviewVisitPolicy.mayFollow(from, to)).as(from + " -> " + to).isEqualTo(next);
      }
    }
  }

  @Test
  void findingsOnlyOnAPlannedVisit() {
    assertThat(ReviewVisitPolicy.refusal(VisitStatus.PLANNED, false, Step.RECORD_FINDINGS))
        .isEmpty();
    for (VisitStatus s : new VisitStatus[] {VisitStatus.CONDUCTED, VisitStatus.RESPONDED}) {
      assertThat(ReviewVisitPolicy.refusal(s, false, Step.RECORD_FINDINGS)).isPresent();
    }
    assertThat(ReviewVisitPolicy.after(VisitStatus.PLANNED, Step.RECORD_FINDINGS, false))
        .isEqualTo(VisitStatus.CONDUCTED);
  }

  @Test
  void aResponseOnlyToRecordedFindingsAndOnce() {
    assertThat(ReviewVisitPolicy.refusal(VisitStatus.PLANNED, false, Step.RESPOND)).isPresent();
    assertThat(ReviewVisitPolicy.refusal(VisitStatus.CONDUCTED, false, Step.RESPOND)).isEmpty();
    assertThat(ReviewVisitPolicy.refusal(VisitStatus.RESPONDED, false, Step.RESPOND)).isPresent();
    assertThat(ReviewVisitPolicy.refusal(VisitStatus.CLOSED, true, Step.RESPOND)).isPresent();
    assertThat(ReviewVisitPolicy.after(VisitStatus.CONDUCTED, Step.RESPOND, false))
        .isEqualTo(VisitStatus.RESPONDED);
  }

  @Test
  void thePlanIsAcceptedOnceAndActionsFollowedOnlyThen() {
    assertThat(ReviewVisitPolicy.refusal(VisitStatus.CONDUCTED, false, Step.ACCEPT_PLAN))
        .isPresent();
    assertThat(ReviewVisitPolicy.refusal(VisitStatus.RESPONDED, false, Step.ACCEPT_PLAN)).isEmpty();
    assertThat(ReviewVisitPolicy.refusal(VisitStatus.RESPONDED, true, Step.ACCEPT_PLAN))
        .isPresent();
    for (Step s : new Step[] {Step.RECORD_PROGRESS, Step.CLOSE_ACTION}) {
      assertThat(ReviewVisitPolicy.refusal(VisitStatus.RESPONDED, false, s))
          .as(s.name())
          .isPresent();
      assertThat(ReviewVisitPolicy.refusal(VisitStatus.RESPONDED, true, s)).as(s.name()).isEmpty();
      assertThat(ReviewVisitPolicy.refusal(VisitStatus.CLOSED, true, s)).as(s.name()).isPresent();
      assertThat(ReviewVisitPolicy.refusal(VisitStatus.CONDUCTED, false, s))
          .as(s.name())
          .isPresent();
    }
  }

  @Test
  void theLastClosedActionClosesTheVisit() {
    assertThat(ReviewVisitPolicy.after(VisitStatus.RESPONDED, Step.CLOSE_ACTION, false))
        .isEqualTo(VisitStatus.RESPONDED);
    assertThat(ReviewVisitPolicy.after(VisitStatus.RESPONDED, Step.CLOSE_ACTION, true))
        .isEqualTo(VisitStatus.CLOSED);
    assertThat(ReviewVisitPolicy.after(VisitStatus.RESPONDED, Step.RECORD_PROGRESS, true))
        .isEqualTo(VisitStatus.RESPONDED);
  }

  @Test
  void anActionIsOverdueFromTheDayAfterItsDueDateUntilClosed() {
    assertThat(ReviewVisitPolicy.overdue(TODAY, false, TODAY)).as("due today").isFalse();
    assertThat(ReviewVisitPolicy.overdue(TODAY.minusDays(1), false, TODAY))
        .as("due yesterday")
        .isTrue();
    assertThat(ReviewVisitPolicy.overdue(TODAY.plusDays(1), false, TODAY)).isFalse();
    assertThat(ReviewVisitPolicy.overdue(TODAY.minusDays(1), true, TODAY))
        .as("closed late")
        .isFalse();
  }

  @Test
  void dueDatesFallAfterTodayWithinThreeYears() {
    assertThat(ReviewVisitPolicy.dueDateRefusal(TODAY, TODAY)).isPresent();
    assertThat(ReviewVisitPolicy.dueDateRefusal(TODAY.plusDays(1), TODAY)).isEmpty();
    assertThat(ReviewVisitPolicy.dueDateRefusal(TODAY.plusYears(3), TODAY)).isEmpty();
    assertThat(ReviewVisitPolicy.dueDateRefusal(TODAY.plusYears(3).plusDays(1), TODAY)).isPresent();
  }

  @Test
  void aVisitLastsAtMostThirtyOneDaysAndIsPlannedWithinItsHorizon() {
    assertThat(ReviewVisitPolicy.datesRefusal(TODAY, TODAY, TODAY)).isEmpty();
    assertThat(ReviewVisitPolicy.datesRefusal(TODAY, TODAY.minusDays(1), TODAY)).isPresent();
    assertThat(ReviewVisitPolicy.datesRefusal(TODAY, TODAY.plusDays(30), TODAY)).isEmpty();
    assertThat(ReviewVisitPolicy.datesRefusal(TODAY, TODAY.plusDays(31), TODAY)).isPresent();
    assertThat(ReviewVisitPolicy.datesRefusal(TODAY.plusYears(3), TODAY.plusYears(3), TODAY))
        .isEmpty();
    LocalDate tooFar = TODAY.plusYears(3).plusDays(1);
    assertThat(ReviewVisitPolicy.datesRefusal(tooFar, tooFar, TODAY)).isPresent();
    LocalDate yearBack = TODAY.minusYears(1);
    assertThat(ReviewVisitPolicy.datesRefusal(yearBack, yearBack, TODAY)).isEmpty();
    assertThat(ReviewVisitPolicy.datesRefusal(yearBack.minusDays(1), yearBack.minusDays(1), TODAY))
        .isPresent();
  }

  @Test
  void requirementCodesAreUniqueAndFoundAgain() {
    for (MinimumRequirement r : MinimumRequirement.values()) {
      assertThat(MinimumRequirement.of(r.code())).contains(r);
      assertThat(r.section()).isNotBlank();
    }
    assertThat(MinimumRequirement.of("NOPE")).isEmpty();
  }
}

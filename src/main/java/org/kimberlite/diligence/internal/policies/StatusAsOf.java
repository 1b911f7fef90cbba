package org.kimberlite.diligence.internal.policies;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.diligence.Decision;
import org.kimberlite.diligence.FindingStatus;
import org.kimberlite.shared.Policy;

/**
 * A finding's status as it stood at a past instant, from its response history alone (DD-06), not
 * from today's status: what the yearly report shows for a year gone by. Responses recorded before
 * the instant count; the last of them decides (disengaging closes, continuing or suspending
 * answers), and the escalation rules of the scheduled job apply as of that instant: an answered
 * finding whose review date was before that day, or an unanswered one raised longer than the open
 * limit before, stood escalated.
 */
@Policy(rules = "DD-06")
public final class StatusAsOf {
  private StatusAsOf() {}

  /** A recorded response, as far as the status goes. */
  public record Answer(Decision decision, Instant at, @Nullable LocalDate reviewOn) {}

  /**
   * @param until the first instant that no longer counts (exclusive)
   * @param openLimit how long a finding stays open without a response before it is escalated
   */
  public static FindingStatus status(
      Instant raisedAt, List<Answer> answers, Instant until, Duration openLimit) {
    Answer last =
        answers.stream()
            .filter(a -> a.at().isBefore(until))
            .max(Comparator.comparing(Answer::at))
            .orElse(null);
    if (last == null) {
      return raisedAt.isBefore(until.minus(openLimit))
          ? FindingStatus.ESCALATED
          : FindingStatus.OPEN;
    }
    if (last.decision() == Decision.DISENGAGE) {
      return FindingStatus.CLOSED;
    }
    LocalDate day = until.minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate();
    return last.reviewOn() != null && last.reviewOn().isBefore(day)
        ? FindingStatus.ESCALATED
        : FindingStatus.RESPONDED;
  }

  /** Whether the status still asks for an answer: open or escalated. */
  public static boolean open(FindingStatus status) {
    return status == FindingStatus.OPEN || status == FindingStatus.ESCALATED;
  }
}

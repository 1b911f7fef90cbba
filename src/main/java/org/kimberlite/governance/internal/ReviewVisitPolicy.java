package org.kimberlite.governance.internal;

import java.time.LocalDate;
import java.util.Optional;
import org.kimberlite.governance.VisitStatus;
import org.kimberlite.shared.Policy;

/**
 * The course of a peer review visit: which step may be taken where the visit stands, which status
 * follows, and when an action of the plan is overdue. Pure: the day is given.
 */
@Policy
public final class ReviewVisitPolicy {
  /** The longest visit, in days, first to last day. */
  public static final int MAX_VISIT_DAYS = 31;

  /** How far ahead a visit may be planned, and an action fall due, in years. */
  public static final int HORIZON_YEARS = 3;

  private ReviewVisitPolicy() {}

  /** The steps after planning. */
  public enum Step {
    RECORD_FINDINGS,
    RESPOND,
    ACCEPT_PLAN,
    RECORD_PROGRESS,
    CLOSE_ACTION
  }

  /** Whether a visit may move straight from {@code from} to {@code to}. */
  public static boolean mayFollow(VisitStatus from, VisitStatus to) {
    return switch (from) {
      case PLANNED -> to == VisitStatus.CONDUCTED;
      case CONDUCTED -> to == VisitStatus.RESPONDED;
      case RESPONDED -> to == VisitStatus.CLOSED;
      case CLOSED -> false;
    };
  }

  /**
   * Why {@code step} may not be taken now; empty when it may.
   *
   * @param planAccepted whether the action plan has been accepted
   */
  public static Optional<String> refusal(VisitStatus status, boolean planAccepted, Step step) {
    return switch (step) {
      case RECORD_FINDINGS ->
          status == VisitStatus.PLANNED
              ? Optional.empty()
              : Optional.of("The findings of this visit are already recorded.");
      case RESPOND ->
          switch (status) {
            case CONDUCTED -> Optional.empty();
            case PLANNED -> Optional.of("The visit has no findings to respond to yet.");
            case RESPONDED, CLOSED -> Optional.of("The participant has already responded.");
          };
      case ACCEPT_PLAN ->
          status == VisitStatus.RESPONDED && !planAccepted
              ? Optional.empty()
              : Optional.of(
                  planAccepted
                      ? "The action plan is already accepted."
                      : "There is no action plan to accept yet.");
      case RECORD_PROGRESS, CLOSE_ACTION ->
          status == VisitStatus.RESPONDED && planAccepted
              ? Optional.empty()
              : Optional.of(
                  status == VisitStatus.CLOSED
                      ? "The visit is closed."
                      : "Actions are followed once the action plan is accepted.");
    };
  }

  /** The status a visit has after {@code step}; {@code allClosed} after closing an action. */
  public static VisitStatus after(VisitStatus status, Step step, boolean allClosed) {
    return switch (step) {
      case RECORD_FINDINGS -> VisitStatus.CONDUCTED;
      case RESPOND -> VisitStatus.RESPONDED;
      case ACCEPT_PLAN, RECORD_PROGRESS -> status;
      case CLOSE_ACTION -> allClosed ? VisitStatus.CLOSED : status;
    };
  }

  /** An action is overdue from the day after its due date until it is closed. */
  public static boolean overdue(LocalDate dueOn, boolean closed, LocalDate today) {
    return !closed && today.isAfter(dueOn);
  }

  /** Why the visit's dates will not do; empty when they will. */
  public static Optional<String> datesRefusal(
      LocalDate startsOn, LocalDate endsOn, LocalDate today) {
    if (endsOn.isBefore(startsOn)) {
      return Optional.of("the last day is before the first");
    }
    if (startsOn.plusDays(MAX_VISIT_DAYS - 1L).isBefore(endsOn)) {
      return Optional.of("a visit lasts at most " + MAX_VISIT_DAYS + " days");
    }
    if (startsOn.isAfter(today.plusYears(HORIZON_YEARS))) {
      return Optional.of("a visit is planned at most " + HORIZON_YEARS + " years ahead");
    }
    if (startsOn.isBefore(today.minusYears(1))) {
      return Optional.of("a visit is planned at most a year back");
    }
    return Optional.empty();
  }

  /** Why an action's due date will not do on the day the plan is proposed; empty when it will. */
  public static Optional<String> dueDateRefusal(LocalDate dueOn, LocalDate today) {
    if (!dueOn.isAfter(today)) {
      return Optional.of("an action falls due after today");
    }
    if (dueOn.isAfter(today.plusYears(HORIZON_YEARS))) {
      return Optional.of("an action falls due within " + HORIZON_YEARS + " years");
    }
    return Optional.empty();
  }
}

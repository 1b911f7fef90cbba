package org.kimberlite.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One action of the participant's plan: what it will do about a finding, by when, the progress
 * recorded, and its closure.
 *
 * @param number the action's number in the plan, from 1
 * @param finding the number of the finding it answers
 * @param overdue its due date has passed and it is not closed (as of the day it was read)
 * @param escalatedAt when it was escalated for being overdue, once; {@code null} if never
 */
public record ActionItem(
    int number,
    int finding,
    String description,
    LocalDate dueOn,
    List<ActionNote> progress,
    @Nullable Instant closedAt,
    @Nullable String closedBy,
    @Nullable String closingNote,
    @Nullable Instant escalatedAt,
    boolean overdue) {
  public ActionItem {
    progress = List.copyOf(progress);
  }

  public boolean closed() {
    return closedAt != null;
  }

  /** The same action, marked overdue or not. */
  public ActionItem asOf(boolean isOverdue) {
    return new ActionItem(
        number,
        finding,
        description,
        dueOn,
        progress,
        closedAt,
        closedBy,
        closingNote,
        escalatedAt,
        isOverdue);
  }
}

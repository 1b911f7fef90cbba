package org.kimberlite.registry;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;

/**
 * A participant's status decisions in the order they took effect, and the pure rules over them: the
 * status on any day, and whether a new decision may be appended.
 */
public record ParticipantHistory(
    String participant, List<StatusChange> changes, List<CompliantZone> compliantZones) {

  public ParticipantHistory {
    changes =
        changes.stream()
            .sorted(
                Comparator.comparing(StatusChange::effectiveOn)
                    .thenComparing(StatusChange::recordedAt))
            .toList();
    compliantZones = List.copyOf(compliantZones);
  }

  /** The decision in force on {@code day}, or {@code null} before the first one. */
  public @Nullable StatusChange changeInForceOn(LocalDate day) {
    StatusChange inForce = null;
    for (StatusChange change : changes) {
      if (change.effectiveOn().isAfter(day)) {
        break;
      }
      inForce = change;
    }
    return inForce;
  }

  public @Nullable ParticipantStatus statusOn(LocalDate day) {
    StatusChange change = changeInForceOn(day);
    return change == null ? null : change.status();
  }

  public Standing standingOn(LocalDate day) {
    StatusChange change = changeInForceOn(day);
    List<String> zones =
        change != null && change.status() == ParticipantStatus.SUSPENDED
            ? compliantZones.stream()
                .filter(z -> z.appliesOn(day))
                .map(CompliantZone::name)
                .toList()
            : List.of();
    return new Standing(
        participant,
        day,
        change == null ? null : change.status(),
        change == null ? null : change.effectiveOn(),
        zones);
  }

  public @Nullable StatusChange latest() {
    return changes.isEmpty() ? null : changes.get(changes.size() - 1);
  }

  /**
   * Checks that {@code type} may be recorded as taking effect on {@code effectiveOn}: decisions are
   * appended in date order (a correction of the past is a decision of its own), and each type may
   * only follow the statuses it is defined for.
   *
   * @throws Problem 422 naming the field at fault
   */
  public void checkAppend(StatusChangeType type, LocalDate effectiveOn) {
    StatusChange latest = latest();
    if (latest != null && effectiveOn.isBefore(latest.effectiveOn())) {
      throw Problem.invalid(
          "The new decision takes effect on "
              + effectiveOn
              + ", before the latest recorded one ("
              + latest.type()
              + " on "
              + latest.effectiveOn()
              + ").",
          List.of(new FieldError("effectiveOn", "must not be before " + latest.effectiveOn())));
    }
    ParticipantStatus current = latest == null ? null : latest.status();
    if (!type.mayFollow(current)) {
      throw new Problem(
          422,
          "registry/invalid-status-transition",
          "This status change does not follow from the current status",
          type
              + " cannot follow "
              + (current == null ? "no status (not a participant yet)" : current)
              + " for "
              + participant
              + ".",
          List.of(),
          List.of(new FieldError("type", "not allowed after " + current)));
    }
  }
}

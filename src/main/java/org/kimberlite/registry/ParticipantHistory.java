package org.kimberlite.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.Policy;

/**
 * A participant's status decisions in the order they took effect, and the pure rules over them: the
 * status on any day, and whether a new decision may be appended.
 */
@Policy
public record ParticipantHistory(
    ParticipantCode participant, List<StatusChange> changes, List<CompliantZone> compliantZones) {

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

  /**
   * The standing on {@code day}. Compliant zones count only under an operational framework in
   * force, and only the zones declared since the participant last left or entered suspension: a
   * reinstatement ends them all, and a later suspension starts with none (a new framework, or a
   * restructured one, keeps the zones declared under the framework before it).
   */
  public Standing standingOn(LocalDate day) {
    StatusChange change = changeInForceOn(day);
    LocalDate since = lastOtherThanFrameworkOn(day);
    List<String> zones =
        change != null && change.type() == StatusChangeType.OPERATIONAL_FRAMEWORK
            ? compliantZones.stream()
                .filter(z -> z.appliesOn(day))
                .filter(z -> since == null || !z.effectiveFrom().isBefore(since))
                .map(CompliantZone::name)
                .toList()
            : List.of();
    return new Standing(
        participant,
        day,
        change == null ? null : change.status(),
        change == null ? null : change.effectiveOn(),
        zones,
        change == null ? null : change.decision());
  }

  /** When the latest change in force on {@code day} other than a framework took effect. */
  private @Nullable LocalDate lastOtherThanFrameworkOn(LocalDate day) {
    LocalDate last = null;
    for (StatusChange change : changes) {
      if (change.effectiveOn().isAfter(day)) {
        break;
      }
      if (change.type() != StatusChangeType.OPERATIONAL_FRAMEWORK) {
        last = change.effectiveOn();
      }
    }
    return last;
  }

  public @Nullable StatusChange latest() {
    return changes.isEmpty() ? null : changes.get(changes.size() - 1);
  }

  /**
   * Whether {@code type} may be recorded as taking effect on {@code effectiveOn}: decisions are
   * appended in date order (a correction of the past is a decision of its own), and each type may
   * only follow the statuses it is defined for.
   *
   * @return the rule the decision breaks, or empty when it may be appended
   */
  public Optional<RuleBreach> appendBreach(StatusChangeType type, LocalDate effectiveOn) {
    StatusChange latest = latest();
    if (latest != null && effectiveOn.isBefore(latest.effectiveOn())) {
      return Optional.of(
          new RuleBreach(
              RuleBreach.Rule.BACKDATED_DECISION,
              "effectiveOn",
              "must not be before " + latest.effectiveOn(),
              "The new decision takes effect on "
                  + effectiveOn
                  + ", before the latest recorded one ("
                  + latest.type()
                  + " on "
                  + latest.effectiveOn()
                  + ")."));
    }
    ParticipantStatus current = latest == null ? null : latest.status();
    if (!type.mayFollow(current)) {
      return Optional.of(
          new RuleBreach(
              RuleBreach.Rule.INVALID_STATUS_TRANSITION,
              "type",
              "not allowed after " + current,
              type
                  + " cannot follow "
                  + (current == null ? "no status (not a participant yet)" : current)
                  + " for "
                  + participant
                  + "."));
    }
    return Optional.empty();
  }

  /** This history with {@code change} appended, when {@link #appendBreach} allows it. */
  public ParticipantHistory append(StatusChange change) {
    List<StatusChange> next = new ArrayList<>(changes);
    next.add(change);
    return new ParticipantHistory(participant, next, compliantZones);
  }

  /**
   * Whether a compliant zone may take effect on {@code effectiveFrom}: only under an operational
   * framework in force that day.
   *
   * @return the rule the zone breaks, or empty when it may be recorded
   */
  public Optional<RuleBreach> zoneBreach(LocalDate effectiveFrom) {
    StatusChange inForce = changeInForceOn(effectiveFrom);
    if (inForce != null && inForce.type() == StatusChangeType.OPERATIONAL_FRAMEWORK) {
      return Optional.empty();
    }
    return Optional.of(
        new RuleBreach(
            RuleBreach.Rule.NO_OPERATIONAL_FRAMEWORK,
            "effectiveFrom",
            "no operational framework of " + participant + " is in force on " + effectiveFrom,
            "Compliant zones apply only to a suspended participant under an operational"
                + " framework."));
  }
}

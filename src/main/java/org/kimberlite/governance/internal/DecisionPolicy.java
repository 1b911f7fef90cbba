package org.kimberlite.governance.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kimberlite.governance.AppliedOrder;
import org.kimberlite.governance.Decision;
import org.kimberlite.governance.DecisionOrder;
import org.kimberlite.governance.DecisionOutcome.Breach;
import org.kimberlite.governance.DecisionState;
import org.kimberlite.governance.NewDecision;
import org.kimberlite.registry.ParticipantHistory;
import org.kimberlite.registry.StatusChange;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.Policy;

/**
 * The rules a decision must keep before it is recorded, and where a recorded decision stands on a
 * day. Pure: the day and the participants' histories are given.
 */
@Policy
public final class DecisionPolicy {
  /** A decision recorded today may not take effect before today: the past is not rewritten. */
  public static final String RETROACTIVE = "governance/retroactive-effect";

  /** A decision is recorded once adopted, not before. */
  public static final String NOT_YET_ADOPTED = "governance/not-yet-adopted";

  /** A decision takes effect on or after the day it is adopted. */
  public static final String EFFECTIVE_BEFORE_ADOPTED = "governance/effective-before-adopted";

  /**
   * The recommendation a decision follows must exist and concern a participant the decision
   * reinstates.
   */
  public static final String RECOMMENDATION_MISMATCH = "governance/recommendation-mismatch";

  /** A field of the wrong form or length. */
  public static final String INVALID = "governance/invalid-decision";

  private DecisionPolicy() {}

  /**
   * The breaches of a decision to record on {@code today}.
   *
   * @param past whether this is a past decision of the KP being loaded from the seed (its effective
   *     date is history, not a retroactive change)
   */
  public static List<Breach> check(NewDecision d, LocalDate today, boolean past) {
    List<Breach> out = new ArrayList<>();
    text(out, "title", d.title(), NewDecision.MAX_TITLE);
    text(out, "text", d.text(), NewDecision.MAX_TEXT);
    if (d.source() != null && d.source().length() > NewDecision.MAX_SOURCE) {
      out.add(new Breach(INVALID, "source", "at most " + NewDecision.MAX_SOURCE + " characters"));
    }
    if (d.adoptedOn().isAfter(today)) {
      out.add(
          new Breach(
              NOT_YET_ADOPTED,
              "adoptedOn",
              "is after today (" + today + "): record a decision once it is adopted"));
    }
    if (d.effectiveOn().isBefore(d.adoptedOn())) {
      out.add(
          new Breach(
              EFFECTIVE_BEFORE_ADOPTED,
              "effectiveOn",
              "must not be before the day it was adopted (" + d.adoptedOn() + ")"));
    }
    if (!past && d.effectiveOn().isBefore(today) && !d.orders().isEmpty()) {
      out.add(
          new Breach(
              RETROACTIVE,
              "effectiveOn",
              "must not be before today ("
                  + today
                  + "): an order cannot change what was in force on past days; make it effective"
                  + " today or later"));
    }
    if (d.orders().size() > NewDecision.MAX_ORDERS) {
      out.add(new Breach(INVALID, "orders", "at most " + NewDecision.MAX_ORDERS + " orders"));
    }
    if (d.concerned().size() > NewDecision.MAX_CONCERNED) {
      out.add(
          new Breach(
              INVALID, "participants", "at most " + NewDecision.MAX_CONCERNED + " participants"));
    }
    Set<ParticipantCode> statusOrdered = new HashSet<>();
    Set<String> zones = new HashSet<>();
    for (int i = 0; i < d.orders().size(); i++) {
      DecisionOrder o = d.orders().get(i);
      switch (o) {
        case DecisionOrder.StatusOrder s -> {
          if (!statusOrdered.add(s.participant())) {
            out.add(
                new Breach(
                    INVALID,
                    "orders[" + i + "]",
                    "a second status change for " + s.participant() + " in one decision"));
          }
        }
        case DecisionOrder.ZoneDeclaration z -> {
          String name = z.zone();
          if (name.isBlank()
              || name.length() > DecisionOrder.ZoneDeclaration.MAX_ZONE
              || !name.equals(name.strip())) {
            out.add(
                new Breach(
                    INVALID,
                    "orders[" + i + "].zone",
                    "1 to "
                        + DecisionOrder.ZoneDeclaration.MAX_ZONE
                        + " characters, no leading or trailing space"));
          } else if (!zones.add(z.participant() + "/" + name)) {
            out.add(
                new Breach(
                    INVALID, "orders[" + i + "].zone", "declared twice in one decision: " + name));
          }
        }
      }
    }
    return out;
  }

  private static void text(List<Breach> out, String field, String value, int max) {
    if (value.isBlank()) {
      out.add(new Breach(INVALID, field, "must not be blank"));
    } else if (value.length() > max) {
      out.add(new Breach(INVALID, field, "at most " + max + " characters"));
    }
  }

  /**
   * Where a recorded decision stands on {@code day}: pending before its effective date; then in
   * force while one of its orders still holds (a status change still the one in force for its
   * participant, a zone still among the participant's compliant zones), or when it orders nothing
   * in the registry; spent once every order has been overtaken.
   */
  public static DecisionState state(
      Decision d, LocalDate day, Map<ParticipantCode, ParticipantHistory> histories) {
    if (d.effectiveOn().isAfter(day)) {
      return DecisionState.PENDING;
    }
    if (d.orders().isEmpty()) {
      return DecisionState.IN_FORCE;
    }
    for (AppliedOrder applied : d.orders()) {
      ParticipantHistory history = histories.get(applied.order().participant());
      if (history != null && holds(applied, history, day)) {
        return DecisionState.IN_FORCE;
      }
    }
    return DecisionState.SPENT;
  }

  private static boolean holds(AppliedOrder applied, ParticipantHistory history, LocalDate day) {
    return switch (applied.order()) {
      case DecisionOrder.StatusOrder s -> {
        StatusChange inForce = history.changeInForceOn(day);
        yield inForce != null
            && inForce.id() != null
            && applied.registryRecord().equals(AppliedOrder.statusRecord(inForce.id()));
      }
      case DecisionOrder.ZoneDeclaration z ->
          history.standingOn(day).compliantZones().contains(z.zone());
    };
  }
}

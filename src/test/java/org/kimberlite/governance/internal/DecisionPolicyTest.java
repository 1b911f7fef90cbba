package org.kimberlite.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kimberlite.governance.AppliedOrder;
import org.kimberlite.governance.Decision;
import org.kimberlite.governance.DecisionBody;
import org.kimberlite.governance.DecisionNumber;
import org.kimberlite.governance.DecisionOrder;
import org.kimberlite.governance.DecisionOutcome.Breach;
import org.kimberlite.governance.DecisionState;
import org.kimberlite.governance.NewDecision;
import org.kimberlite.registry.CompliantZone;
import org.kimberlite.registry.DatePrecision;
import org.kimberlite.registry.ParticipantHistory;
import org.kimberlite.registry.StatusChange;
import org.kimberlite.registry.StatusChangeType;
import org.kimberlite.shared.ParticipantCode;

class DecisionPolicyTest {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  static final ParticipantCode CF = ParticipantCode.of("CF");

  static NewDecision decision(LocalDate adopted, LocalDate effective, List<DecisionOrder> orders) {
    return new NewDecision(
        DecisionNumber.of("AD 01/2026"),
        "Title",
        DecisionBody.PLENARY,
        adopted,
        effective,
        DatePrecision.DAY,
        "Text",
        List.of(),
        orders,
        null,
        null);
  }

  static List<String> rules(List<Breach> breaches) {
    return breaches.stream().map(Breach::rule).toList();
  }

  static final List<DecisionOrder> SUSPEND =
      List.of(new DecisionOrder.StatusOrder(CF, StatusChangeType.SUSPENSION));

  @Test
  void anOrderTakesEffectTodayOrLaterNeverBefore() {
    assertThat(DecisionPolicy.check(decision(TODAY, TODAY, SUSPEND), TODAY, false)).isEmpty();
    assertThat(DecisionPolicy.check(decision(TODAY, TODAY.plusYears(1), SUSPEND), TODAY, false))
        .isEmpty();
    assertThat(
            rules(
                DecisionPolicy.check(
                    decision(TODAY.minusDays(5), TODAY.minusDays(1), SUSPEND), TODAY, false)))
        .containsExactly(DecisionPolicy.RETROACTIVE);
    // The KP's own past decisions carry past dates; a decision ordering nothing may too.
    assertThat(
            DecisionPolicy.check(
                decision(TODAY.minusYears(5), TODAY.minusYears(5), SUSPEND), TODAY, true))
        .isEmpty();
    assertThat(
            DecisionPolicy.check(
                decision(TODAY.minusDays(5), TODAY.minusDays(1), List.of()), TODAY, false))
        .isEmpty();
  }

  @Test
  void aDecisionIsRecordedOnceAdoptedAndTakesEffectOnOrAfterItsAdoption() {
    assertThat(
            rules(
                DecisionPolicy.check(
                    decision(TODAY.plusDays(1), TODAY.plusDays(1), SUSPEND), TODAY, false)))
        .containsExactly(DecisionPolicy.NOT_YET_ADOPTED);
    assertThat(
            rules(
                DecisionPolicy.check(
                    decision(TODAY.minusDays(2), TODAY.minusDays(3), List.of()), TODAY, false)))
        .containsExactly(DecisionPolicy.EFFECTIVE_BEFORE_ADOPTED);
    assertThat(
            DecisionPolicy.check(
                decision(TODAY.minusDays(2), TODAY.minusDays(2), List.of()), TODAY, false))
        .isEmpty();
  }

  @Test
  void ordersAreBoundedAndNotRepeated() {
    List<DecisionOrder> twice =
        List.of(
            new DecisionOrder.StatusOrder(CF, StatusChangeType.SUSPENSION),
            new DecisionOrder.StatusOrder(CF, StatusChangeType.EXCLUSION));
    assertThat(DecisionPolicy.check(decision(TODAY, TODAY, twice), TODAY, false))
        .extracting(Breach::field)
        .containsExactly("orders[1]");
    List<DecisionOrder> zones =
        List.of(
            new DecisionOrder.ZoneDeclaration(CF, "Berbérati"),
            new DecisionOrder.ZoneDeclaration(CF, "Berbérati"),
            new DecisionOrder.ZoneDeclaration(CF, " Nola"),
            new DecisionOrder.ZoneDeclaration(CF, "x".repeat(201)),
            new DecisionOrder.ZoneDeclaration(CF, "x".repeat(200)));
    assertThat(DecisionPolicy.check(decision(TODAY, TODAY, zones), TODAY, false))
        .extracting(Breach::field)
        .containsExactly("orders[1].zone", "orders[2].zone", "orders[3].zone");
    List<DecisionOrder> many = new java.util.ArrayList<>();
    for (int i = 0; i <= NewDecision.MAX_ORDERS; i++) {
      many.add(new DecisionOrder.ZoneDeclaration(CF, "Zone " + i));
    }
    assertThat(DecisionPolicy.check(decision(TODAY, TODAY, many), TODAY, false))
        .extracting(Breach::field)
        .containsExactly("orders");
    assertThat(
            DecisionPolicy.check(
                decision(TODAY, TODAY, many.subList(0, NewDecision.MAX_ORDERS)), TODAY, false))
        .isEmpty();
  }

  @Test
  void aDecisionIsPendingThenInForceWhileAnOrderHoldsThenSpent() {
    StatusChange suspension = change(StatusChangeType.SUSPENSION, "2013-05-23", 1);
    StatusChange framework = change(StatusChangeType.OPERATIONAL_FRAMEWORK, "2015-07-01", 2);
    StatusChange reinstatement = change(StatusChangeType.REINSTATEMENT, "2024-11-15", 3);
    CompliantZone zone =
        new CompliantZone(
            "Berbérati", LocalDate.parse("2016-05-01"), null, DatePrecision.MONTH, "r");
    ParticipantHistory history =
        new ParticipantHistory(CF, List.of(suspension, framework, reinstatement), List.of(zone));
    Map<ParticipantCode, ParticipantHistory> histories = Map.of(CF, history);
    Decision suspend =
        recorded(
            "2013-05-23", List.of(new AppliedOrder(SUSPEND.get(0), AppliedOrder.statusRecord(1))));
    Decision zoned =
        recorded(
            "2016-05-01",
            List.of(
                new AppliedOrder(
                    new DecisionOrder.ZoneDeclaration(CF, "Berbérati"),
                    AppliedOrder.zoneRecord(9))));
    Decision lift =
        recorded(
            "2024-11-15",
            List.of(
                new AppliedOrder(
                    new DecisionOrder.StatusOrder(CF, StatusChangeType.REINSTATEMENT),
                    AppliedOrder.statusRecord(3))));

    assertThat(DecisionPolicy.state(suspend, LocalDate.parse("2013-05-22"), histories))
        .isEqualTo(DecisionState.PENDING);
    assertThat(DecisionPolicy.state(suspend, LocalDate.parse("2013-05-23"), histories))
        .isEqualTo(DecisionState.IN_FORCE);
    assertThat(DecisionPolicy.state(suspend, LocalDate.parse("2015-06-30"), histories))
        .isEqualTo(DecisionState.IN_FORCE);
    assertThat(DecisionPolicy.state(suspend, LocalDate.parse("2015-07-01"), histories))
        .isEqualTo(DecisionState.SPENT);
    assertThat(DecisionPolicy.state(zoned, LocalDate.parse("2024-11-14"), histories))
        .isEqualTo(DecisionState.IN_FORCE);
    assertThat(DecisionPolicy.state(zoned, LocalDate.parse("2024-11-15"), histories))
        .isEqualTo(DecisionState.SPENT);
    assertThat(DecisionPolicy.state(lift, LocalDate.parse("2024-11-14"), histories))
        .isEqualTo(DecisionState.PENDING);
    assertThat(DecisionPolicy.state(lift, LocalDate.parse("2024-11-15"), histories))
        .isEqualTo(DecisionState.IN_FORCE);
    Decision general = recorded("2020-01-01", List.of());
    assertThat(DecisionPolicy.state(general, LocalDate.parse("2019-12-31"), histories))
        .isEqualTo(DecisionState.PENDING);
    assertThat(DecisionPolicy.state(general, LocalDate.parse("2030-01-01"), histories))
        .isEqualTo(DecisionState.IN_FORCE);
  }

  static StatusChange change(StatusChangeType type, String on, long id) {
    return new StatusChange(
        type,
        LocalDate.parse(on),
        DatePrecision.DAY,
        "r",
        null,
        Instant.parse(on + "T00:00:00Z"),
        "t",
        id);
  }

  static Decision recorded(String effective, List<AppliedOrder> orders) {
    LocalDate on = LocalDate.parse(effective);
    return new Decision(
        UUID.randomUUID(),
        DecisionNumber.of("AD " + effective),
        "t",
        DecisionBody.PLENARY,
        on,
        on,
        DatePrecision.DAY,
        "text",
        List.of(CF),
        orders,
        null,
        null,
        Instant.parse(effective + "T00:00:00Z"),
        "t");
  }
}

package org.kimberlite.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kimberlite.shared.ParticipantCode;

class ParticipantHistoryTest {
  static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
  static final ParticipantCode VE = ParticipantCode.of("VE");
  static final ParticipantCode XX = ParticipantCode.of("XX");

  static StatusChange change(StatusChangeType type, String on) {
    return new StatusChange(type, LocalDate.parse(on), DatePrecision.DAY, "r", null, AT, "t");
  }

  static ParticipantHistory car() {
    return new ParticipantHistory(
        ParticipantCode.of("CF"),
        List.of(
            change(StatusChangeType.ADMISSION, "2003-01-01"),
            change(StatusChangeType.SUSPENSION, "2013-05-23"),
            change(StatusChangeType.OPERATIONAL_FRAMEWORK, "2015-07-01"),
            change(StatusChangeType.REINSTATEMENT, "2024-11-15")),
        List.of(
            new CompliantZone(
                "Berbérati",
                LocalDate.parse("2016-05-01"),
                LocalDate.parse("2024-11-15"),
                DatePrecision.MONTH,
                "first zone")));
  }

  @Test
  void statusOnADayIsTheLatestDecisionInForce() {
    ParticipantHistory h = car();
    assertThat(h.statusOn(LocalDate.parse("2002-12-31"))).isNull();
    assertThat(h.statusOn(LocalDate.parse("2013-05-22"))).isEqualTo(ParticipantStatus.ACTIVE);
    assertThat(h.statusOn(LocalDate.parse("2013-05-23"))).isEqualTo(ParticipantStatus.SUSPENDED);
    assertThat(h.statusOn(LocalDate.parse("2024-11-14"))).isEqualTo(ParticipantStatus.SUSPENDED);
    assertThat(h.statusOn(LocalDate.parse("2024-11-15"))).isEqualTo(ParticipantStatus.ACTIVE);
  }

  @Test
  void goodStandingAndCompliantZonesFollowTheStatus() {
    ParticipantHistory h = car();
    Standing before = h.standingOn(LocalDate.parse("2010-06-30"));
    assertThat(before.inGoodStanding()).isTrue();
    assertThat(before.compliantZones()).isEmpty();

    Standing suspendedNoZone = h.standingOn(LocalDate.parse("2014-01-01"));
    assertThat(suspendedNoZone.inGoodStanding()).isFalse();
    assertThat(suspendedNoZone.isParticipant()).isTrue();
    assertThat(suspendedNoZone.compliantZones()).isEmpty();

    Standing zone = h.standingOn(LocalDate.parse("2017-03-01"));
    assertThat(zone.inGoodStanding()).isFalse();
    assertThat(zone.since()).isEqualTo(LocalDate.parse("2015-07-01"));
    assertThat(zone.compliantZones()).containsExactly("Berbérati");

    Standing after = h.standingOn(LocalDate.parse("2025-01-01"));
    assertThat(after.inGoodStanding()).isTrue();
    assertThat(after.compliantZones()).isEmpty();
  }

  @Test
  void beforeAdmissionNobodyIsAParticipant() {
    Standing s = car().standingOn(LocalDate.parse("2000-01-01"));
    assertThat(s.status()).isNull();
    assertThat(s.isParticipant()).isFalse();
    assertThat(s.inGoodStanding()).isFalse();
  }

  @Test
  void allowedTransitionsAreAccepted() {
    ParticipantHistory h = new ParticipantHistory(VE, List.of(), List.of());
    for (StatusChange c :
        List.of(
            change(StatusChangeType.ADMISSION, "2003-01-01"),
            change(StatusChangeType.SELF_SUSPENSION, "2008-01-01"),
            change(StatusChangeType.REINSTATEMENT, "2030-01-01"),
            change(StatusChangeType.EXCLUSION, "2031-01-01"),
            change(StatusChangeType.ADMISSION, "2032-01-01"))) {
      assertThat(h.appendBreach(c.type(), c.effectiveOn())).as(c.type().name()).isEmpty();
      h = h.append(c);
    }
    assertThat(h.statusOn(LocalDate.parse("2031-06-01"))).isEqualTo(ParticipantStatus.EXCLUDED);
    assertThat(h.statusOn(LocalDate.parse("2032-06-01"))).isEqualTo(ParticipantStatus.ACTIVE);
  }

  @Test
  void transitionsThatDoNotFollowAreRefused() {
    ParticipantHistory empty = new ParticipantHistory(XX, List.of(), List.of());
    RuleBreach first =
        empty
            .appendBreach(StatusChangeType.SUSPENSION, LocalDate.parse("2020-01-01"))
            .orElseThrow();
    assertThat(first.rule()).isEqualTo(RuleBreach.Rule.INVALID_STATUS_TRANSITION);
    assertThat(first.field()).isEqualTo("type");
    assertThat(first.message()).isEqualTo("not allowed after null");
    assertThat(first.detail())
        .isEqualTo("SUSPENSION cannot follow no status (not a participant yet) for XX.");

    ParticipantHistory active =
        new ParticipantHistory(
            XX, List.of(change(StatusChangeType.ADMISSION, "2003-01-01")), List.of());
    for (StatusChangeType type :
        List.of(
            StatusChangeType.REINSTATEMENT,
            StatusChangeType.ADMISSION,
            StatusChangeType.OPERATIONAL_FRAMEWORK)) {
      assertThat(active.appendBreach(type, LocalDate.parse("2020-01-01")))
          .as(type.name())
          .get()
          .extracting(RuleBreach::rule, RuleBreach::message)
          .containsExactly(RuleBreach.Rule.INVALID_STATUS_TRANSITION, "not allowed after ACTIVE");
    }
    assertThat(active.appendBreach(StatusChangeType.SUSPENSION, LocalDate.parse("2020-01-01")))
        .isEmpty();
  }

  @Test
  void decisionsCannotBeBackdatedBeforeTheLatest() {
    ParticipantHistory h = car();
    RuleBreach breach =
        h.appendBreach(StatusChangeType.SUSPENSION, LocalDate.parse("2020-01-01")).orElseThrow();
    assertThat(breach.rule()).isEqualTo(RuleBreach.Rule.BACKDATED_DECISION);
    assertThat(breach.field()).isEqualTo("effectiveOn");
    assertThat(breach.message()).isEqualTo("must not be before 2024-11-15");
    assertThat(breach.detail())
        .isEqualTo(
            "The new decision takes effect on 2020-01-01, before the latest recorded one"
                + " (REINSTATEMENT on 2024-11-15).");
    // the boundary: the day before the latest is refused, the same day is allowed
    assertThat(h.appendBreach(StatusChangeType.SUSPENSION, LocalDate.parse("2024-11-14")))
        .get()
        .extracting(RuleBreach::rule)
        .isEqualTo(RuleBreach.Rule.BACKDATED_DECISION);
    assertThat(h.appendBreach(StatusChangeType.SUSPENSION, LocalDate.parse("2024-11-15")))
        .isEmpty();
  }

  @Test
  void backdatingIsCheckedBeforeTheTransition() {
    // both rules broken: the date is reported, as the earlier decision would be in the way anyway
    assertThat(car().appendBreach(StatusChangeType.ADMISSION, LocalDate.parse("2010-01-01")))
        .get()
        .extracting(RuleBreach::rule)
        .isEqualTo(RuleBreach.Rule.BACKDATED_DECISION);
  }

  @Test
  void appendingKeepsTheZonesAndTheOrder() {
    ParticipantHistory h = car().append(change(StatusChangeType.SUSPENSION, "2025-01-01"));
    assertThat(h.changes()).hasSize(5);
    assertThat(h.latest().type()).isEqualTo(StatusChangeType.SUSPENSION);
    assertThat(h.compliantZones()).hasSize(1);
    assertThat(car().changes()).hasSize(4);
  }

  @Test
  void compliantZonesNeedAnOperationalFrameworkInForce() {
    ParticipantHistory h = car();
    // the framework took effect on 2015-07-01 and ended with the reinstatement on 2024-11-15
    assertThat(h.zoneBreach(LocalDate.parse("2015-07-01"))).isEmpty();
    assertThat(h.zoneBreach(LocalDate.parse("2024-11-14"))).isEmpty();
    RuleBreach before = h.zoneBreach(LocalDate.parse("2015-06-30")).orElseThrow();
    assertThat(before.rule()).isEqualTo(RuleBreach.Rule.NO_OPERATIONAL_FRAMEWORK);
    assertThat(before.field()).isEqualTo("effectiveFrom");
    assertThat(before.message())
        .isEqualTo("no operational framework of CF is in force on 2015-06-30");
    assertThat(h.zoneBreach(LocalDate.parse("2024-11-15"))).isPresent();
    assertThat(new ParticipantHistory(XX, List.of(), List.of()).zoneBreach(LocalDate.MIN))
        .isPresent();
  }

  @Test
  void rjcCertificationsRunForOneOrThreeYears() {
    RjcCertification three = new RjcCertification("RJC-1", LocalDate.parse("2024-03-01"), 3);
    assertThat(three.validUntil()).isEqualTo(LocalDate.parse("2027-03-01"));
    assertThat(three.currentOn(LocalDate.parse("2027-02-28"))).isTrue();
    assertThat(three.currentOn(LocalDate.parse("2027-03-01"))).isFalse();
    assertThat(three.currentOn(LocalDate.parse("2024-02-29"))).isFalse();
    assertThatThrownBy(() -> new RjcCertification("RJC-2", LocalDate.parse("2024-03-01"), 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package org.kimberlite.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kimberlite.shared.problem.Problem;

class ParticipantHistoryTest {
  static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  static StatusChange change(StatusChangeType type, String on) {
    return new StatusChange(type, LocalDate.parse(on), DatePrecision.DAY, "r", null, AT, "t");
  }

  static ParticipantHistory car() {
    return new ParticipantHistory(
        "CF",
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
    ParticipantHistory h = new ParticipantHistory("VE", List.of(), List.of());
    List<StatusChange> changes = new ArrayList<>();
    for (StatusChange c :
        List.of(
            change(StatusChangeType.ADMISSION, "2003-01-01"),
            change(StatusChangeType.SELF_SUSPENSION, "2008-01-01"),
            change(StatusChangeType.REINSTATEMENT, "2030-01-01"),
            change(StatusChangeType.EXCLUSION, "2031-01-01"),
            change(StatusChangeType.ADMISSION, "2032-01-01"))) {
      h.checkAppend(c.type(), c.effectiveOn());
      changes.add(c);
      h = new ParticipantHistory("VE", changes, List.of());
    }
    assertThat(h.statusOn(LocalDate.parse("2031-06-01"))).isEqualTo(ParticipantStatus.EXCLUDED);
    assertThat(h.statusOn(LocalDate.parse("2032-06-01"))).isEqualTo(ParticipantStatus.ACTIVE);
  }

  @Test
  void transitionsThatDoNotFollowAreRefused() {
    ParticipantHistory empty = new ParticipantHistory("XX", List.of(), List.of());
    assertThatThrownBy(() -> empty.checkAppend(StatusChangeType.SUSPENSION, LocalDate.now()))
        .isInstanceOf(Problem.class)
        .satisfies(
            e -> assertThat(((Problem) e).type()).isEqualTo("registry/invalid-status-transition"));

    ParticipantHistory active =
        new ParticipantHistory(
            "XX", List.of(change(StatusChangeType.ADMISSION, "2003-01-01")), List.of());
    assertThatThrownBy(
            () -> active.checkAppend(StatusChangeType.REINSTATEMENT, LocalDate.parse("2020-01-01")))
        .isInstanceOf(Problem.class);
    assertThatThrownBy(
            () -> active.checkAppend(StatusChangeType.ADMISSION, LocalDate.parse("2020-01-01")))
        .isInstanceOf(Problem.class);
    assertThatThrownBy(
            () ->
                active.checkAppend(
                    StatusChangeType.OPERATIONAL_FRAMEWORK, LocalDate.parse("2020-01-01")))
        .isInstanceOf(Problem.class);
  }

  @Test
  void decisionsCannotBeBackdatedBeforeTheLatest() {
    ParticipantHistory h = car();
    assertThatThrownBy(
            () -> h.checkAppend(StatusChangeType.SUSPENSION, LocalDate.parse("2020-01-01")))
        .isInstanceOf(Problem.class)
        .satisfies(
            e ->
                assertThat(((Problem) e).fieldErrors())
                    .extracting(f -> f.field())
                    .containsExactly("effectiveOn"));
    h.checkAppend(StatusChangeType.SUSPENSION, LocalDate.parse("2024-11-15"));
  }

  @Test
  void rjcCertificationsRunForOneOrThreeYears() {
    RjcCertification three = new RjcCertification("RJC-1", LocalDate.parse("2024-03-01"), 3);
    assertThat(three.validUntil()).isEqualTo(LocalDate.parse("2027-03-01"));
    assertThat(three.currentOn(LocalDate.parse("2027-02-28"))).isTrue();
    assertThat(three.currentOn(LocalDate.parse("2027-03-01"))).isFalse();
    assertThat(three.currentOn(LocalDate.parse("2024-02-29"))).isFalse();
    assertThatThrownBy(() -> new RjcCertification("RJC-2", LocalDate.parse("2024-03-01"), 2))
        .isInstanceOf(Problem.class);
  }
}

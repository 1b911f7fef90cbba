package org.kimberlite.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.certification.ExportConfirmation;
import org.kimberlite.governance.ConfirmationFlag;
import org.kimberlite.governance.MonitoredExport;
import org.kimberlite.governance.MonitoringTotals;
import org.kimberlite.governance.ZoneFlag;
import org.kimberlite.registry.CompliantZone;
import org.kimberlite.registry.DatePrecision;
import org.kimberlite.registry.ParticipantHistory;
import org.kimberlite.registry.StatusChange;
import org.kimberlite.registry.StatusChangeType;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;

class MonitoringPolicyTest {
  static final ParticipantCode CF = ParticipantCode.of("CF");
  static final LocalDate ISSUED = LocalDate.of(2020, 3, 1);
  static final int DAYS = 30;
  static final LocalDate DEADLINE = LocalDate.of(2020, 3, 31);

  static final LocalDate FRAMEWORK = LocalDate.of(2015, 7, 1);
  static final LocalDate BERBERATI = LocalDate.of(2016, 5, 1);
  static final LocalDate REINSTATED = LocalDate.of(2024, 11, 15);

  static StatusChange change(StatusChangeType type, LocalDate on) {
    return new StatusChange(type, on, DatePrecision.DAY, "test", null, Instant.EPOCH, "test");
  }

  /** CAR's path: admitted, suspended, a framework, Berbérati from May 2016, reinstated 2024. */
  static ParticipantHistory car() {
    return new ParticipantHistory(
        CF,
        List.of(
            change(StatusChangeType.ADMISSION, LocalDate.of(2003, 1, 1)),
            change(StatusChangeType.SUSPENSION, LocalDate.of(2013, 5, 23)),
            change(StatusChangeType.OPERATIONAL_FRAMEWORK, FRAMEWORK),
            change(StatusChangeType.REINSTATEMENT, REINSTATED)),
        List.of(new CompliantZone("Berbérati", BERBERATI, null, DatePrecision.DAY, "test")));
  }

  static ExportConfirmation export(LocalDate issued, @Nullable String zone, @Nullable LocalDate c) {
    return new ExportConfirmation(
        "CF-" + issued,
        issued,
        ParticipantCode.of("AE"),
        Carats.of("10.50"),
        UsdAmount.of("1000.00"),
        zone,
        c == null ? CertificateStatus.ISSUED : CertificateStatus.CONFIRMED,
        c);
  }

  @Test
  void theDeadlineIsTheDayOfIssuePlusTheSetting() {
    assertThat(MonitoringPolicy.deadline(ISSUED, DAYS)).isEqualTo(DEADLINE);
  }

  @Test
  void aConfirmationOnTheDeadlineDayIsOnTimeTheDayAfterIsLate() {
    assertThat(MonitoringPolicy.confirmation(ISSUED, DEADLINE, DAYS, DEADLINE.plusDays(90)))
        .isEqualTo(ConfirmationFlag.CONFIRMED);
    assertThat(MonitoringPolicy.confirmation(ISSUED, ISSUED, DAYS, ISSUED))
        .isEqualTo(ConfirmationFlag.CONFIRMED);
    assertThat(MonitoringPolicy.confirmation(ISSUED, DEADLINE.plusDays(1), DAYS, DEADLINE))
        .isEqualTo(ConfirmationFlag.LATE);
  }

  @Test
  void withoutAConfirmationItIsAwaitedUpToTheDeadlineDayAndUnconfirmedTheDayAfter() {
    assertThat(MonitoringPolicy.confirmation(ISSUED, null, DAYS, ISSUED))
        .isEqualTo(ConfirmationFlag.AWAITING);
    assertThat(MonitoringPolicy.confirmation(ISSUED, null, DAYS, DEADLINE))
        .isEqualTo(ConfirmationFlag.AWAITING);
    assertThat(MonitoringPolicy.confirmation(ISSUED, null, DAYS, DEADLINE.plusDays(1)))
        .isEqualTo(ConfirmationFlag.UNCONFIRMED);
  }

  @Test
  void aZoneCountsFromTheDayItIsInForceNotTheDayBefore() {
    ParticipantHistory car = car();
    assertThat(MonitoringPolicy.zone(BERBERATI, "Berbérati", car)).isEqualTo(ZoneFlag.IN_ZONE);
    assertThat(MonitoringPolicy.zone(BERBERATI.minusDays(1), "Berbérati", car))
        .isEqualTo(ZoneFlag.OUTSIDE_ZONE);
  }

  @Test
  void underTheFrameworkAnExportNamingNoZoneOrAnotherIsOutside() {
    ParticipantHistory car = car();
    LocalDate day = LocalDate.of(2020, 6, 1);
    assertThat(MonitoringPolicy.zone(day, null, car)).isEqualTo(ZoneFlag.OUTSIDE_ZONE);
    assertThat(MonitoringPolicy.zone(day, "Bangui", car)).isEqualTo(ZoneFlag.OUTSIDE_ZONE);
    assertThat(MonitoringPolicy.zone(day, "Berbérati", car)).isEqualTo(ZoneFlag.IN_ZONE);
  }

  @Test
  void beforeTheFrameworkAndFromTheReinstatementNoFrameworkApplies() {
    ParticipantHistory car = car();
    assertThat(MonitoringPolicy.zone(FRAMEWORK.minusDays(1), null, car))
        .isEqualTo(ZoneFlag.NOT_UNDER_FRAMEWORK);
    assertThat(MonitoringPolicy.zone(FRAMEWORK, null, car)).isEqualTo(ZoneFlag.OUTSIDE_ZONE);
    assertThat(MonitoringPolicy.zone(REINSTATED.minusDays(1), "Berbérati", car))
        .isEqualTo(ZoneFlag.IN_ZONE);
    assertThat(MonitoringPolicy.zone(REINSTATED, "Berbérati", car))
        .isEqualTo(ZoneFlag.NOT_UNDER_FRAMEWORK);
    assertThat(MonitoringPolicy.zone(REINSTATED, null, car))
        .isEqualTo(ZoneFlag.NOT_UNDER_FRAMEWORK);
  }

  @Test
  void everyExportIsFlaggedAndTheTotalsCountEachFlag() {
    LocalDate today = LocalDate.of(2024, 12, 20);
    List<MonitoredExport> flagged =
        MonitoringPolicy.flag(
            List.of(
                export(LocalDate.of(2024, 6, 1), "Berbérati", LocalDate.of(2024, 6, 10)),
                export(LocalDate.of(2024, 7, 1), "Bangui", LocalDate.of(2024, 9, 1)),
                export(LocalDate.of(2024, 8, 1), "Berbérati", null),
                export(LocalDate.of(2024, 12, 1), null, null)),
            car(),
            DAYS,
            today);
    assertThat(flagged)
        .extracting(MonitoredExport::confirmation)
        .containsExactly(
            ConfirmationFlag.CONFIRMED,
            ConfirmationFlag.LATE,
            ConfirmationFlag.UNCONFIRMED,
            ConfirmationFlag.AWAITING);
    assertThat(flagged)
        .extracting(MonitoredExport::zone)
        .containsExactly(
            ZoneFlag.IN_ZONE,
            ZoneFlag.OUTSIDE_ZONE,
            ZoneFlag.IN_ZONE,
            ZoneFlag.NOT_UNDER_FRAMEWORK);
    assertThat(flagged.get(0).zonesInForce()).containsExactly("Berbérati");
    assertThat(flagged.get(3).zonesInForce()).isEmpty();
    MonitoringTotals t = MonitoringPolicy.totals(flagged);
    assertThat(t.exports()).isEqualTo(4);
    assertThat(t.carats()).isEqualTo(Carats.of("42.00"));
    assertThat(t.valueUsd()).isEqualTo(UsdAmount.of("4000.00"));
    for (ConfirmationFlag f : ConfirmationFlag.values()) {
      assertThat(t.count(f)).as(f.name()).isEqualTo(1);
    }
    assertThat(t.count(ZoneFlag.IN_ZONE)).isEqualTo(2);
    assertThat(t.count(ZoneFlag.OUTSIDE_ZONE)).isEqualTo(1);
    assertThat(t.count(ZoneFlag.NOT_UNDER_FRAMEWORK)).isEqualTo(1);
  }

  @Test
  void noExportsNoFigures() {
    MonitoringTotals t = MonitoringPolicy.totals(List.of());
    assertThat(t.exports()).isZero();
    assertThat(t.carats()).isEqualTo(Carats.of("0.00"));
  }
}

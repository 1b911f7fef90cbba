package org.kimberlite.governance.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.ExportConfirmation;
import org.kimberlite.governance.ConfirmationFlag;
import org.kimberlite.governance.MonitoredExport;
import org.kimberlite.governance.MonitoringTotals;
import org.kimberlite.governance.ZoneFlag;
import org.kimberlite.registry.ParticipantHistory;
import org.kimberlite.registry.StatusChange;
import org.kimberlite.registry.StatusChangeType;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.Policy;
import org.kimberlite.shared.UsdAmount;

/**
 * Re-entry monitoring's flags (docs/governance.md, "Re-entry monitoring"). Pure: the day, the
 * deadline and the participant's history are given.
 */
@Policy
public final class MonitoringPolicy {
  private MonitoringPolicy() {}

  /** The last day a confirmation of a certificate issued on {@code issuedOn} is on time. */
  public static LocalDate deadline(LocalDate issuedOn, int deadlineDays) {
    return issuedOn.plusDays(deadlineDays);
  }

  /**
   * How an export stands against its confirmation on {@code today}: confirmed on or before the
   * deadline is on time, after it late; without a confirmation it is awaited up to the deadline
   * (the deadline day included), unconfirmed from the day after.
   */
  public static ConfirmationFlag confirmation(
      LocalDate issuedOn, @Nullable LocalDate confirmedOn, int deadlineDays, LocalDate today) {
    LocalDate deadline = deadline(issuedOn, deadlineDays);
    if (confirmedOn != null) {
      return confirmedOn.isAfter(deadline) ? ConfirmationFlag.LATE : ConfirmationFlag.CONFIRMED;
    }
    return today.isAfter(deadline) ? ConfirmationFlag.UNCONFIRMED : ConfirmationFlag.AWAITING;
  }

  /** Whether the participant was under an operational framework on {@code day}. */
  public static boolean underFramework(ParticipantHistory history, LocalDate day) {
    StatusChange inForce = history.changeInForceOn(day);
    return inForce != null && inForce.type() == StatusChangeType.OPERATIONAL_FRAMEWORK;
  }

  /**
   * How an export issued on {@code issuedOn} naming {@code zone} stands against the compliant zones
   * in force that day.
   */
  public static ZoneFlag zone(
      LocalDate issuedOn, @Nullable String zone, ParticipantHistory history) {
    if (!underFramework(history, issuedOn)) {
      return ZoneFlag.NOT_UNDER_FRAMEWORK;
    }
    return zone != null && history.standingOn(issuedOn).compliantZones().contains(zone)
        ? ZoneFlag.IN_ZONE
        : ZoneFlag.OUTSIDE_ZONE;
  }

  /** Each export flagged, in the order given. */
  public static List<MonitoredExport> flag(
      List<ExportConfirmation> exports,
      ParticipantHistory history,
      int deadlineDays,
      LocalDate today) {
    List<MonitoredExport> out = new ArrayList<>(exports.size());
    for (ExportConfirmation e : exports) {
      List<String> zones =
          underFramework(history, e.issuedOn())
              ? history.standingOn(e.issuedOn()).compliantZones()
              : List.of();
      out.add(
          new MonitoredExport(
              e,
              deadline(e.issuedOn(), deadlineDays),
              confirmation(e.issuedOn(), e.confirmedOn(), deadlineDays, today),
              zone(e.issuedOn(), e.originZone(), history),
              zones));
    }
    return out;
  }

  /** The totals of flagged exports. */
  public static MonitoringTotals totals(List<MonitoredExport> exports) {
    int[] confirmation = new int[ConfirmationFlag.values().length];
    int[] zone = new int[ZoneFlag.values().length];
    BigDecimal carats = BigDecimal.ZERO;
    BigDecimal value = BigDecimal.ZERO;
    for (MonitoredExport e : exports) {
      confirmation[e.confirmation().ordinal()]++;
      zone[e.zone().ordinal()]++;
      carats = carats.add(e.export().carats().value());
      value = value.add(e.export().valueUsd().value());
    }
    return new MonitoringTotals(
        exports.size(),
        Carats.of(carats),
        UsdAmount.of(value),
        confirmation[ConfirmationFlag.CONFIRMED.ordinal()],
        confirmation[ConfirmationFlag.LATE.ordinal()],
        confirmation[ConfirmationFlag.UNCONFIRMED.ordinal()],
        confirmation[ConfirmationFlag.AWAITING.ordinal()],
        zone[ZoneFlag.IN_ZONE.ordinal()],
        zone[ZoneFlag.OUTSIDE_ZONE.ordinal()],
        zone[ZoneFlag.NOT_UNDER_FRAMEWORK.ordinal()]);
  }
}

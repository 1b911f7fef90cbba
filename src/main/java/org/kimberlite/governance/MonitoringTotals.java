package org.kimberlite.governance;

import org.kimberlite.shared.Carats;
import org.kimberlite.shared.UsdAmount;

/** The figures of a participant's monitoring over a period: exports and counts per flag. */
public record MonitoringTotals(
    int exports,
    Carats carats,
    UsdAmount valueUsd,
    int confirmed,
    int late,
    int unconfirmed,
    int awaiting,
    int inZone,
    int outsideZone,
    int notUnderFramework) {

  /** How many exports carry {@code flag}. */
  public int count(ConfirmationFlag flag) {
    return switch (flag) {
      case CONFIRMED -> confirmed;
      case LATE -> late;
      case UNCONFIRMED -> unconfirmed;
      case AWAITING -> awaiting;
    };
  }

  /** How many exports carry {@code flag}. */
  public int count(ZoneFlag flag) {
    return switch (flag) {
      case IN_ZONE -> inZone;
      case OUTSIDE_ZONE -> outsideZone;
      case NOT_UNDER_FRAMEWORK -> notUnderFramework;
    };
  }
}

package org.kimberlite.governance;

import java.time.LocalDate;
import java.util.List;
import org.kimberlite.shared.ParticipantCode;

/**
 * A participant's exports over a period matched with their import confirmations, flagged, with the
 * totals.
 *
 * @param asOf the day the flags were computed (what is awaited today may be unconfirmed tomorrow)
 * @param deadlineDays the confirmation deadline in days after issue
 * @param truncated whether the period held more exports than one report reads ({@link
 *     Monitoring#MAX_EXPORTS}): the figures then cover the oldest only
 */
public record MonitoringReport(
    ParticipantCode participant,
    LocalDate from,
    LocalDate to,
    LocalDate asOf,
    int deadlineDays,
    List<MonitoredExport> exports,
    MonitoringTotals totals,
    boolean truncated) {
  public MonitoringReport {
    exports = List.copyOf(exports);
  }
}

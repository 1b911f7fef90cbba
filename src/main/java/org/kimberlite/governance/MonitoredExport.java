package org.kimberlite.governance;

import java.time.LocalDate;
import java.util.List;
import org.kimberlite.certification.ExportConfirmation;

/**
 * An export matched with its import confirmation, flagged.
 *
 * @param deadline the last day its confirmation is on time
 * @param zonesInForce the participant's compliant zones in force on the day of issue (empty when
 *     not under a framework)
 */
public record MonitoredExport(
    ExportConfirmation export,
    LocalDate deadline,
    ConfirmationFlag confirmation,
    ZoneFlag zone,
    List<String> zonesInForce) {
  public MonitoredExport {
    zonesInForce = List.copyOf(zonesInForce);
  }
}

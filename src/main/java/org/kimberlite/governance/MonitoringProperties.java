package org.kimberlite.governance;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Re-entry monitoring settings (docs/operations.md).
 *
 * @param confirmationDeadline how long after a certificate's issue the importing authority's
 *     confirmation is expected; later ones are flagged late, missing ones unconfirmed (Kimberlite's
 *     default, not a KP rule)
 */
@ConfigurationProperties("kimberlite.governance")
public record MonitoringProperties(@DefaultValue("P30D") Period confirmationDeadline) {
  public MonitoringProperties {
    if (confirmationDeadline.toTotalMonths() != 0
        || confirmationDeadline.getDays() < 1
        || confirmationDeadline.getDays() > 366) {
      throw new IllegalArgumentException(
          "kimberlite.governance.confirmation-deadline must be in days, from P1D to P366D");
    }
  }

  /** The deadline in days. */
  public int deadlineDays() {
    return confirmationDeadline.getDays();
  }
}

package org.kimberlite.governance;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Annual-report settings (docs/operations.md).
 *
 * @param annualReportDue a reporting year's report is due this long after the year's last day,
 *     unless the secretariat set that year's due date (Kimberlite's default, not a KP rule)
 */
@ConfigurationProperties("kimberlite.governance")
public record AnnualReportProperties(@DefaultValue("P3M") Period annualReportDue) {
  public AnnualReportProperties {
    if (annualReportDue.isNegative() || annualReportDue.toTotalMonths() > 24) {
      throw new IllegalArgumentException(
          "kimberlite.governance.annual-report-due must be from P0D to P2Y");
    }
  }
}

package org.kimberlite.certification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Certification settings.
 *
 * @param retentionYears KP-10: originals are kept at least this many years (5 for US practice)
 * @param firstNumber the first number of an authority's default range
 * @param lastNumber the last number of an authority's default range
 * @param expiryCheck how often certificates past their expiry date are marked expired
 * @param issueDateToleranceDays KP-05: days the date of issue may differ from the server's date
 *     (time zones), never more than 2
 * @param maxValidityDays KP-05: the longest validity from the date of issue, 1 to 366 days
 */
@ConfigurationProperties("kimberlite.certification")
public record CertificationProperties(
    @DefaultValue("3") int retentionYears,
    @DefaultValue("1") long firstNumber,
    @DefaultValue("99999999") long lastNumber,
    @DefaultValue("PT1M") Duration expiryCheck,
    @DefaultValue("1") int issueDateToleranceDays,
    @DefaultValue("180") int maxValidityDays) {

  public CertificationProperties {
    if (issueDateToleranceDays < 0 || issueDateToleranceDays > 2) {
      throw new IllegalArgumentException(
          "kimberlite.certification.issue-date-tolerance-days must be 0, 1 or 2");
    }
    if (maxValidityDays < 1 || maxValidityDays > 366) {
      throw new IllegalArgumentException(
          "kimberlite.certification.max-validity-days must be between 1 and 366");
    }
  }
}

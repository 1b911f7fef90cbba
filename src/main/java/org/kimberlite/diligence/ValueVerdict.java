package org.kimberlite.diligence;

import java.util.List;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.UsdPerCarat;

/**
 * The seam for value plausibility (KP-11, VAL-02): what a band check says of one HS line of a
 * certificate. The valuation module answers through {@link ValueBands}; diligence turns a line
 * outside its band into a finding.
 *
 * @param rule {@code KP-11} or {@code VAL-02}
 * @param explanation the band, its factors and sources, in words
 */
public record ValueVerdict(
    String rule, HsCode hsCode, UsdPerCarat declared, boolean outsideBand, String explanation) {

  /** What a certificate's lines were checked against. */
  public interface ValueBands {
    /** The verdicts on each HS line of a certificate (empty when no band applies). */
    List<ValueVerdict> check(org.kimberlite.certification.KpCertificate certificate);
  }
}

package org.kimberlite.certification;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdPerCarat;

/**
 * The seam through which KP-11 reaches the plausibility bands of the valuation module (which stands
 * above certification and implements it): the band of USD per carat for a shipment's origin and
 * flow on its date of issue, the same band due diligence's KP-11 finding is judged by. Without an
 * implementation, or without the KP figures a band is drawn from, KP-11 judges nothing.
 */
public interface KpValueBands {

  /**
   * The band for a shipment.
   *
   * @param origins the declared origin countries
   * @param mixed whether the origin is mixed rather than one country's
   * @param exporter the exporting participant (a producer's own goods, or a trading centre's)
   * @param on the date of issue
   * @return the band, or empty when the figures make none
   */
  Optional<ValueBand> band(
      List<CountryCode> origins, boolean mixed, ParticipantCode exporter, LocalDate on);

  /**
   * A band of USD per carat, both ends included.
   *
   * @param explanation where it comes from, in words (figures, years, factor)
   */
  record ValueBand(UsdPerCarat low, UsdPerCarat high, String explanation) {
    /** Whether a price lies in the band. */
    public boolean contains(UsdPerCarat price) {
      return price.compareTo(low) >= 0 && price.compareTo(high) <= 0;
    }
  }
}

package org.kimberlite.valuation;

import java.time.LocalDate;
import java.util.List;
import org.kimberlite.shared.UsdPerCarat;

/**
 * A plausibility band of USD per carat (VAL-02, KP-11): the centre is the trailing average of the
 * figures in {@link #basis}, total value ÷ total carats, and the band runs from centre ÷ factor to
 * centre × factor, each rounded half-even to the cent. Both ends belong to the band.
 *
 * @param origin the origin asked about (a country code or {@code mixed})
 * @param flow producer export or trading-centre re-export
 * @param on the date the band is for; its figures are of complete years before it
 * @param participant the participant whose figures make the band (or {@code WORLD})
 * @param source {@code production} or {@code exports}
 * @param explanation the band in words: centre, ends, factor, figures and years
 */
public record Band(
    String origin,
    Flow flow,
    LocalDate on,
    String participant,
    String source,
    UsdPerCarat centre,
    UsdPerCarat low,
    UsdPerCarat high,
    Factor factor,
    List<BandFigure> basis,
    String explanation)
    implements BandLookup {
  public Band {
    basis = List.copyOf(basis);
  }

  /** Whether a price lies in the band, both ends included. */
  public boolean contains(UsdPerCarat price) {
    return price.compareTo(low) >= 0 && price.compareTo(high) <= 0;
  }
}

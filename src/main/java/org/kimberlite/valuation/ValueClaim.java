package org.kimberlite.valuation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;

/**
 * A declared value to check (VAL-02, KP-11): where the goods come from, who exports them, when, and
 * per HS line the carats and declared US dollars, with an optional assortment breakdown.
 *
 * @param origins the countries of origin (one for a single origin; several or none for mixed)
 * @param mixedOrigin whether the origin is declared mixed
 * @param exporter the exporting participant
 * @param on the date of the claim (issue date of a certificate)
 * @param lines the HS lines
 */
public record ValueClaim(
    List<CountryCode> origins,
    boolean mixedOrigin,
    ParticipantCode exporter,
    LocalDate on,
    List<Line> lines) {
  public ValueClaim {
    origins = List.copyOf(origins);
    Objects.requireNonNull(exporter, "exporter");
    Objects.requireNonNull(on, "on");
    lines = List.copyOf(lines);
  }

  /**
   * One HS line of the claim.
   *
   * @param assortment the parcel's breakdown by assortment class, empty when not given
   */
  public record Line(
      HsCode hsCode, Carats carats, UsdAmount declared, List<ParcelLine> assortment) {
    public Line {
      Objects.requireNonNull(hsCode, "hsCode");
      Objects.requireNonNull(carats, "carats");
      Objects.requireNonNull(declared, "declared");
      assortment = List.copyOf(assortment);
    }

    public Line(HsCode hsCode, Carats carats, UsdAmount declared) {
      this(hsCode, carats, declared, List.of());
    }
  }

  /** The single origin country, or null for a mixed or several origins. */
  public @org.jspecify.annotations.Nullable CountryCode singleOrigin() {
    return !mixedOrigin && origins.size() == 1 ? origins.get(0) : null;
  }

  /**
   * The flow: a producer export when the single origin is the exporter's own participant, a
   * trading-centre re-export otherwise.
   */
  public Flow flow() {
    CountryCode origin = singleOrigin();
    return origin != null && ParticipantCode.of(origin).equals(exporter)
        ? Flow.PRODUCER
        : Flow.TRADING;
  }
}

package org.kimberlite.statistics;

import java.util.Objects;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;

/**
 * A participant's reported production for a half-year or a whole year (STAT-01). Figures with the
 * same participant, year and half add up (for instance industrial and artisanal production reported
 * apart).
 *
 * @param participant the participant
 * @param year the calendar year
 * @param half {@code H1} (January to June), {@code H2} (July to December) or {@code FY} (the whole
 *     year, which counts as both halves)
 * @param carats the weight produced
 * @param valueUsd the value produced
 */
public record ProductionFigure(
    ParticipantCode participant, int year, String half, Carats carats, UsdAmount valueUsd) {

  public static final String H1 = "H1";
  public static final String H2 = "H2";
  public static final String FY = "FY";

  public ProductionFigure {
    Objects.requireNonNull(participant, "participant");
    if (year < 1000 || year > 9999) {
      throw new IllegalArgumentException("year must have four digits: " + year);
    }
    if (!H1.equals(half) && !H2.equals(half) && !FY.equals(half)) {
      throw new IllegalArgumentException("half must be H1, H2 or FY: " + half);
    }
    Objects.requireNonNull(carats, "carats");
    Objects.requireNonNull(valueUsd, "valueUsd");
  }

  /** Like {@code 2026-H1} or {@code 2026-FY}. */
  public String label() {
    return year + "-" + half;
  }
}

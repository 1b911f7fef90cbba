package org.kimberlite.governance;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A recommendation to record: the day it was made, its text, the period of monitoring it rests on.
 */
public record NewRecommendation(
    @Nullable LocalDate recommendedOn,
    @Nullable String text,
    @Nullable LocalDate evidenceFrom,
    @Nullable LocalDate evidenceTo,
    @Nullable String source) {

  /** The most characters of a recommendation's text. */
  public static final int MAX_TEXT = 20_000;

  /** The most characters of a source. */
  public static final int MAX_SOURCE = 1_000;
}

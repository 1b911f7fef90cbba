package org.kimberlite.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** Validation shared by the statistics records: exact quantities and non-blank codes. */
final class Quantities {
  private Quantities() {}

  /**
   * The value at scale 2 (carats or US dollars to the hundredth), refusing negatives and values
   * that would need rounding.
   */
  static BigDecimal hundredths(BigDecimal value, String what) {
    Objects.requireNonNull(value, what);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(what + " must not be negative: " + value.toPlainString());
    }
    try {
      return value.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          what + " has more than 2 decimals: " + value.toPlainString(), e);
    }
  }

  static String code(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }
}

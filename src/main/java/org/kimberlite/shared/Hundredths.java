package org.kimberlite.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** The checks behind the exact decimal quantities: scale 2, not negative, within a bound. */
final class Hundredths {
  private Hundredths() {}

  static BigDecimal exact(BigDecimal value, BigDecimal max, String what) {
    Objects.requireNonNull(value, what);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(what + " must not be negative: " + value.toPlainString());
    }
    if (value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          what + " must not exceed " + max.toPlainString() + ": " + value.toPlainString());
    }
    try {
      return value.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          what + " has more than 2 decimals: " + value.toPlainString(), e);
    }
  }

  static BigDecimal parse(String text, String what) {
    Objects.requireNonNull(text, what);
    String t = text.strip();
    // Plain decimal notation only: no exponent, no sign, bounded length (no 10^9-digit strings).
    if (t.isEmpty() || t.length() > 24 || !t.matches("[0-9]+(\\.[0-9]+)?")) {
      throw new IllegalArgumentException(what + " is not a plain decimal number: " + shown(text));
    }
    return new BigDecimal(t);
  }

  static String shown(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}

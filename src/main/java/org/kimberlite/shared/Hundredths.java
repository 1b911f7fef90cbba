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
      throw new IllegalArgumentException(what + " must not be negative: " + shown(value));
    }
    if (value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          what + " must not exceed " + max.toPlainString() + ": " + shown(value));
    }
    // Checked before rescaling: setScale of 1e-99999999 would compute a power of ten of that many
    // digits (seconds to minutes of CPU for one short JSON number).
    if (value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException(what + " has more than 2 decimals: " + shown(value));
    }
    try {
      return value.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(what + " has more than 2 decimals: " + shown(value), e);
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

  /** A decimal for a message: {@code toPlainString} of 1e-999999999 has a billion digits. */
  static String shown(BigDecimal value) {
    return shown(value.toString());
  }

  static String shown(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}

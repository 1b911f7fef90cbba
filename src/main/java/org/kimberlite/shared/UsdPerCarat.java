package org.kimberlite.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * A price in US dollars per carat, to the cent, never negative: the unit of KP statistics' unit
 * values and of valuation bands. Computed from an amount and a weight with half-even rounding.
 *
 * @param value the price at scale 2
 */
public record UsdPerCarat(BigDecimal value) implements Comparable<UsdPerCarat> {
  /** The largest US dollar amount at a hundredth of a carat: any larger price is a mistake. */
  public static final BigDecimal MAX = new BigDecimal("10000000000000000.00");

  public UsdPerCarat {
    Objects.requireNonNull(value, "US dollars per carat");
    if (value.signum() < 0) {
      throw new IllegalArgumentException("US dollars per carat must not be negative: " + value);
    }
    if (value.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(
          "US dollars per carat must not exceed " + MAX.toPlainString() + ": " + value);
    }
    // Below a thousandth it rounds to zero; rescaling 1e-999999999 directly would compute a power
    // of ten of a billion digits (an ArithmeticException or minutes of CPU for one JSON number).
    value =
        value.precision() - value.scale() < -2
            ? BigDecimal.ZERO.setScale(2)
            : value.setScale(2, RoundingMode.HALF_EVEN);
  }

  @JsonCreator
  public static UsdPerCarat of(BigDecimal value) {
    return new UsdPerCarat(value);
  }

  /** {@code amount ÷ weight} rounded half-even to the cent; empty when the weight is zero. */
  public static Optional<UsdPerCarat> of(UsdAmount amount, Carats weight) {
    if (weight.isZero()) {
      return Optional.empty();
    }
    return Optional.of(
        new UsdPerCarat(amount.value().divide(weight.value(), 2, RoundingMode.HALF_EVEN)));
  }

  @JsonValue
  @Override
  public BigDecimal value() {
    return value;
  }

  /** This price multiplied by {@code factor}, to the cent. */
  public UsdPerCarat times(BigDecimal factor) {
    return new UsdPerCarat(value.multiply(factor));
  }

  /** This price divided by {@code divisor}, to the cent. */
  public UsdPerCarat dividedBy(BigDecimal divisor) {
    return new UsdPerCarat(value.divide(divisor, 2, RoundingMode.HALF_EVEN));
  }

  @Override
  public int compareTo(UsdPerCarat other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value.toPlainString();
  }
}

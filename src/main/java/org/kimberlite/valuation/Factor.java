package org.kimberlite.valuation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * How far a value may stray from its reference before VAL-02 / KP-11 flag it: the band runs from
 * reference ÷ factor to reference × factor. More than 1 and at most 100, at most two decimals.
 *
 * @param value the factor
 */
public record Factor(BigDecimal value) {
  public Factor {
    Objects.requireNonNull(value, "factor");
    if (value.compareTo(BigDecimal.ONE) <= 0
        || value.compareTo(new BigDecimal("100")) > 0
        || value.scale() > 2) {
      throw new IllegalArgumentException(
          "a plausibility factor is more than 1, at most 100, with at most two decimals");
    }
    value = value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
  }

  public static Factor of(String text) {
    return new Factor(new BigDecimal(text));
  }

  @JsonValue
  @Override
  public BigDecimal value() {
    return value;
  }

  @Override
  public String toString() {
    return value.toPlainString();
  }
}

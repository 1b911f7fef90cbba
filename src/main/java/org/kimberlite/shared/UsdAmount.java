package org.kimberlite.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Collection;

/**
 * An amount of US dollars, exact to the cent, never negative: the currency of KP certificates and
 * statistics. Serialised in JSON as a plain number ({@code 98765.40}).
 *
 * @param value the amount at scale 2
 */
public record UsdAmount(BigDecimal value) implements Comparable<UsdAmount> {
  /** A thousand times the world's yearly rough trade: any larger figure is a mistake. */
  public static final BigDecimal MAX = new BigDecimal("100000000000000.00");

  public static final UsdAmount ZERO = new UsdAmount(BigDecimal.ZERO);

  public UsdAmount {
    value = Hundredths.exact(value, MAX, "US dollar amount");
  }

  @JsonCreator
  public static UsdAmount of(BigDecimal value) {
    return new UsdAmount(value);
  }

  public static UsdAmount of(String text) {
    return new UsdAmount(Hundredths.parse(text, "US dollar amount"));
  }

  public static UsdAmount of(long whole) {
    return new UsdAmount(BigDecimal.valueOf(whole));
  }

  public static UsdAmount sum(Collection<UsdAmount> amounts) {
    return amounts.stream().reduce(ZERO, UsdAmount::plus);
  }

  @JsonValue
  @Override
  public BigDecimal value() {
    return value;
  }

  public UsdAmount plus(UsdAmount other) {
    return new UsdAmount(value.add(other.value));
  }

  /** This amount less another; refused when the result would be negative. */
  public UsdAmount minus(UsdAmount other) {
    return new UsdAmount(value.subtract(other.value));
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  /** The price per carat of this amount paid for {@code weight}; empty for zero carats. */
  public java.util.Optional<UsdPerCarat> per(Carats weight) {
    return UsdPerCarat.of(this, weight);
  }

  @Override
  public int compareTo(UsdAmount other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value.toPlainString();
  }
}

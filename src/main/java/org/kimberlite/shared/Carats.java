package org.kimberlite.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Collection;

/**
 * A weight of diamonds in metric carats, exact to the hundredth (the KP's precision), never
 * negative. One carat is 0.2 g. Serialised in JSON as a plain number ({@code 1234.50}).
 *
 * @param value the weight at scale 2
 */
public record Carats(BigDecimal value) implements Comparable<Carats> {
  /** More than ten thousand years of the world's production: any larger figure is a mistake. */
  public static final BigDecimal MAX = new BigDecimal("1000000000000.00");

  public static final Carats ZERO = new Carats(BigDecimal.ZERO);

  public Carats {
    value = Hundredths.exact(value, MAX, "carats");
  }

  @JsonCreator
  public static Carats of(BigDecimal value) {
    return new Carats(value);
  }

  public static Carats of(String text) {
    return new Carats(Hundredths.parse(text, "carats"));
  }

  public static Carats of(long whole) {
    return new Carats(BigDecimal.valueOf(whole));
  }

  public static Carats sum(Collection<Carats> weights) {
    return weights.stream().reduce(ZERO, Carats::plus);
  }

  @JsonValue
  @Override
  public BigDecimal value() {
    return value;
  }

  public Carats plus(Carats other) {
    return new Carats(value.add(other.value));
  }

  /** This weight less another; refused when the result would be negative. */
  public Carats minus(Carats other) {
    return new Carats(value.subtract(other.value));
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  @Override
  public int compareTo(Carats other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value.toPlainString();
  }
}

package org.kimberlite.valuation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The quality (clarity) grade of an assortment class as the book's author grades it ({@code Q1},
 * {@code GEM}, {@code NEAR-GEM}, {@code INDUSTRIAL}): upper-case letters, digits and {@code -}; 1
 * to 16 characters.
 *
 * @param code the grade as written in a price book
 */
public record Quality(String code) implements Comparable<Quality> {
  private static final Pattern SHAPE = Pattern.compile("[A-Z0-9\\-]{1,16}");

  public Quality {
    Objects.requireNonNull(code, "quality");
    if (!SHAPE.matcher(code).matches()) {
      throw new IllegalArgumentException("a quality is 1 to 16 of A-Z 0-9 - (like Q1 or GEM)");
    }
  }

  @JsonCreator
  public static Quality of(String code) {
    return new Quality(code);
  }

  @JsonValue
  @Override
  public String code() {
    return code;
  }

  @Override
  public int compareTo(Quality other) {
    return code.compareTo(other.code);
  }

  @Override
  public String toString() {
    return code;
  }
}

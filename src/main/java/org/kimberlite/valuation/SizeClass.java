package org.kimberlite.valuation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The size of an assortment class: a sieve range for smalls ({@code +11-11.5}: stays on sieve 11,
 * passes 11.5), a carat grade for sizes ({@code 2-4CT}, {@code 10.8CT+}) or a named group ({@code
 * SAND}). Upper-case letters, digits, {@code + - .}; 1 to 16 characters.
 *
 * @param code the size as written in a price book
 */
public record SizeClass(String code) implements Comparable<SizeClass> {
  private static final Pattern SHAPE = Pattern.compile("[A-Z0-9+.\\-]{1,16}");

  public SizeClass {
    Objects.requireNonNull(code, "size");
    if (!SHAPE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "a size is 1 to 16 of A-Z 0-9 + - . (like +11-11.5 or 2-4CT)");
    }
  }

  @JsonCreator
  public static SizeClass of(String code) {
    return new SizeClass(code);
  }

  @JsonValue
  @Override
  public String code() {
    return code;
  }

  @Override
  public int compareTo(SizeClass other) {
    return code.compareTo(other.code);
  }

  @Override
  public String toString() {
    return code;
  }
}

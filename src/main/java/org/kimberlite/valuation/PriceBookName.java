package org.kimberlite.valuation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A price book's name, the same for all its versions: 2 to 40 upper-case letters, digits and {@code
 * -}, starting with a letter ({@code BW-GDV-SMALLS}).
 *
 * @param code the name
 */
public record PriceBookName(String code) implements Comparable<PriceBookName> {
  private static final Pattern SHAPE = Pattern.compile("[A-Z][A-Z0-9\\-]{1,39}");

  public PriceBookName {
    Objects.requireNonNull(code, "price book name");
    if (!SHAPE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "a price book name is 2 to 40 of A-Z 0-9 -, starting with a letter");
    }
  }

  @JsonCreator
  public static PriceBookName of(String code) {
    return new PriceBookName(code);
  }

  @JsonValue
  @Override
  public String code() {
    return code;
  }

  @Override
  public int compareTo(PriceBookName other) {
    return code.compareTo(other.code);
  }

  @Override
  public String toString() {
    return code;
  }
}

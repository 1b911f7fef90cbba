package org.kimberlite.governance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.kimberlite.registry.DecisionReference;

/**
 * A KP decision's number as the KP cites it ("AD 02/2013"), or, for a past decision whose official
 * number is not known, the reference Kimberlite gives it ("CAR-2013-05"): 1 to 60 characters,
 * letters, digits, spaces and {@code / - . ( ) :}, starting with a letter or digit.
 */
public record DecisionNumber(String value) {
  private static final Pattern FORM =
      Pattern.compile(
          "[\\p{L}\\p{N}][\\p{L}\\p{N} /\\-.():]{0," + (DecisionReference.MAX_NUMBER - 1) + "}");

  public DecisionNumber {
    if (!FORM.matcher(value).matches() || !value.equals(value.strip())) {
      throw new IllegalArgumentException(
          "A decision number has 1 to "
              + DecisionReference.MAX_NUMBER
              + " letters, digits, spaces or / - . ( ) :, starting with a letter or digit");
    }
  }

  @JsonCreator
  public static DecisionNumber of(String value) {
    return new DecisionNumber(value);
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}

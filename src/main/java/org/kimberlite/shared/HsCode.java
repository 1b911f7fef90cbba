package org.kimberlite.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Harmonized System subheading as written on KP certificates and in KP statistics: four digits, a
 * dot, two digits ("7102.31"). The six-digit form without the dot is accepted and normalised.
 *
 * @param code the subheading as {@code dddd.dd}
 */
public record HsCode(String code) implements Comparable<HsCode> {
  private static final Pattern SHAPE = Pattern.compile("[0-9]{4}\\.[0-9]{2}");

  /** Diamonds, unsorted. */
  public static final HsCode UNSORTED = new HsCode("7102.10");

  /** Industrial diamonds, unworked or simply sawn, cleaved or bruted. */
  public static final HsCode INDUSTRIAL = new HsCode("7102.21");

  /** Non-industrial diamonds, unworked or simply sawn, cleaved or bruted. */
  public static final HsCode NON_INDUSTRIAL = new HsCode("7102.31");

  /** The three subheadings of rough diamonds that the KP certifies. */
  public static final Set<HsCode> KP_ROUGH = Set.of(UNSORTED, INDUSTRIAL, NON_INDUSTRIAL);

  public HsCode {
    java.util.Objects.requireNonNull(code, "HS code");
    if (code.length() == 6 && code.chars().allMatch(c -> c >= '0' && c <= '9')) {
      code = code.substring(0, 4) + "." + code.substring(4);
    }
    if (!SHAPE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "HS code must be four digits, a dot and two digits: " + Codes.shown(code));
    }
  }

  @JsonCreator
  public static HsCode of(String code) {
    return new HsCode(code);
  }

  /** One of the three rough-diamond subheadings of the KP (7102.10, 7102.21, 7102.31). */
  public boolean isKpRough() {
    return KP_ROUGH.contains(this);
  }

  /** Heading 7104: synthetic or reconstructed stones, laboratory-grown diamonds among them. */
  public boolean isSynthetic() {
    return code.startsWith("7104");
  }

  /** The heading's first four digits ("7102"). */
  public String heading() {
    return code.substring(0, 4);
  }

  @JsonValue
  @Override
  public String code() {
    return code;
  }

  @Override
  public int compareTo(HsCode other) {
    return code.compareTo(other.code);
  }

  @Override
  public String toString() {
    return code;
  }
}

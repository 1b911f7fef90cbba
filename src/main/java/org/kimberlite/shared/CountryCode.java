package org.kimberlite.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/**
 * A country as an ISO 3166-1 alpha-2 code ("BW", "BE"), upper case. Only officially assigned codes
 * are accepted, as the JDK knows them.
 *
 * @param code the two upper-case letters
 */
public record CountryCode(String code) implements Comparable<CountryCode> {
  private static final Set<String> ASSIGNED =
      Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

  public CountryCode {
    code = Codes.twoLetters(code, "country code");
    if (!ASSIGNED.contains(code)) {
      throw new IllegalArgumentException(
          "country code is not an ISO 3166-1 alpha-2 code: " + Codes.shown(code));
    }
  }

  @JsonCreator
  public static CountryCode of(String code) {
    return new CountryCode(code);
  }

  /** Whether {@code text} is an assigned ISO 3166-1 alpha-2 code (in either case). */
  public static boolean isValid(String text) {
    // ASCII letters only, as the constructor: "ıd" upper-cases to "ID" but is not a code.
    return text.length() == 2
        && text.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
        && ASSIGNED.contains(text.toUpperCase(Locale.ROOT));
  }

  @JsonValue
  @Override
  public String code() {
    return code;
  }

  @Override
  public int compareTo(CountryCode other) {
    return code.compareTo(other.code);
  }

  @Override
  public String toString() {
    return code;
  }
}

package org.kimberlite.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A KP participant by its code: the ISO 3166-1 alpha-2 code of the participating country, or {@code
 * EU} for the European Union, which participates as one for all its member states. Whether the code
 * names a current participant is the registry's business; this type only fixes the shape.
 *
 * @param code two upper-case letters
 */
public record ParticipantCode(String code) implements Comparable<ParticipantCode> {
  public static final ParticipantCode EU = new ParticipantCode("EU");

  public ParticipantCode {
    code = Codes.twoLetters(code, "participant code");
  }

  @JsonCreator
  public static ParticipantCode of(String code) {
    return new ParticipantCode(code);
  }

  /** The participant whose code is this country's code (not the EU for a member state). */
  public static ParticipantCode of(CountryCode country) {
    return new ParticipantCode(country.code());
  }

  @JsonValue
  @Override
  public String code() {
    return code;
  }

  @Override
  public int compareTo(ParticipantCode other) {
    return code.compareTo(other.code);
  }

  @Override
  public String toString() {
    return code;
  }
}

package org.kimberlite.registry;

import java.time.LocalDate;
import org.kimberlite.shared.InvalidInput;

/**
 * A Responsible Jewellery Council certification: a number, issued for one or three years (RJC Code
 * of Practices certification: provisional one-year or full three-year terms). Any other term is
 * refused with {@link InvalidInput} (an {@link IllegalArgumentException}) naming {@code
 * rjc.termYears}.
 */
public record RjcCertification(String number, LocalDate validFrom, int termYears) {
  public RjcCertification {
    if (termYears != 1 && termYears != 3) {
      throw new InvalidInput("rjc.termYears", "must be 1 or 3");
    }
  }

  /** The first day the certification no longer applies. */
  public LocalDate validUntil() {
    return validFrom.plusYears(termYears);
  }

  public boolean currentOn(LocalDate day) {
    return !day.isBefore(validFrom) && day.isBefore(validUntil());
  }
}

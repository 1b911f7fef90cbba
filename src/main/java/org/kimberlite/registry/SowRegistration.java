package org.kimberlite.registry;

import java.time.LocalDate;

/** An organisation's WDC System of Warranties registration ID, renewed every year. */
public record SowRegistration(String id, LocalDate renewalDue) {
  public boolean currentOn(LocalDate day) {
    return !day.isAfter(renewalDue);
  }
}

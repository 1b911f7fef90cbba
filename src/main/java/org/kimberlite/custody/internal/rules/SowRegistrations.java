package org.kimberlite.custody.internal.rules;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.SowRegistration;
import org.kimberlite.shared.Policy;

/**
 * SOW-03: a seller that puts a warranty on an invoice has a current SoW registration ID (the WDC
 * gives it on the yearly self-assessment): one on record, not due for renewal before the invoice's
 * date. Flags.
 */
@Policy(rules = "SOW-03")
public final class SowRegistrations {
  static final String SOW_03 = "SOW-03";

  private SowRegistrations() {}

  /** The breach, if any, of a warranted invoice dated {@code invoiceDate} by this seller. */
  public static List<Breach> check(@Nullable SowRegistration seller, LocalDate invoiceDate) {
    if (seller == null) {
      return List.of(
          Breach.flag(
              SOW_03,
              "the seller gives a warranty but has no SoW registration ID on record (the yearly"
                  + " self-assessment)"));
    }
    if (!seller.currentOn(invoiceDate)) {
      return List.of(
          Breach.flag(
              SOW_03,
              "the seller's SoW registration "
                  + seller.id()
                  + " was due for renewal on "
                  + seller.renewalDue()
                  + ", before the invoice's date "
                  + invoiceDate));
    }
    return List.of();
  }
}

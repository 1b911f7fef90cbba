package org.kimberlite.custody.internal.profile;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.kimberlite.custody.CaptureBatch;
import org.kimberlite.custody.internal.rules.Holdings;
import org.kimberlite.custody.internal.rules.SowRegistrations;
import org.kimberlite.registry.Organisations;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * SOW-03: a shipment on an invoice ({@code inv}) with a warranty statement is a seller's warranty;
 * the capturing organisation (the seller) then has a current SoW registration on the invoice's date
 * (the event's date in its own time zone). Flags.
 */
@Component
@Order(325)
class RegistrationCheck extends ProfileCheck {
  private final Organisations organisations;

  RegistrationCheck(Organisations organisations) {
    this.organisations = organisations;
  }

  @Override
  List<Located> judge(Replay.Step step, CaptureBatch batch) {
    if (step.move().step() != Holdings.Step.SHIPPING
        || !step.facts().invoice()
        || step.facts().warranty() == null) {
      return List.of();
    }
    LocalDate date =
        step.event()
            .eventTime()
            .atOffset(ZoneOffset.of(step.event().eventTimeZoneOffset()))
            .toLocalDate();
    return Located.all(
        SowRegistrations.check(
            organisations.sowRegistration(step.move().actor()).orElse(null), date),
        "/kimberlite:warranty");
  }
}

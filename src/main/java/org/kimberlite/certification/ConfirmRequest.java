package org.kimberlite.certification;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An import confirmation as the importing authority enters it from the shipment in hand. */
public record ConfirmRequest(
    @Nullable Integer parcels,
    @Nullable String carats,
    @Nullable UUID importer,
    @Nullable UUID exporter,
    @Nullable String sealId,
    @Nullable LocalDate receivedOn) {

  /**
   * A confirmation that agrees with the certificate in every particular: the shipment arrived as
   * certified, received on {@code receivedOn} (the demos' shipments).
   */
  public static ConfirmRequest matching(KpCertificate c, LocalDate receivedOn) {
    return new ConfirmRequest(
        c.parcels(),
        c.carats().toString(),
        c.importer().organisationId(),
        c.exporter().organisationId(),
        c.sealId(),
        receivedOn);
  }
}

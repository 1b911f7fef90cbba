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
    @Nullable LocalDate receivedOn) {}

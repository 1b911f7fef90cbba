package org.kimberlite.certification;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;

/**
 * An export certificate with its import confirmation, as the exporting participant's monitoring
 * sees it.
 *
 * @param number the certificate's number, which is its identity
 * @param originZone the compliant zone the goods come from, when the certificate names one
 * @param confirmedOn the day the importing authority received the shipment, or {@code null} when no
 *     confirmation is recorded
 */
public record ExportConfirmation(
    String number,
    LocalDate issuedOn,
    ParticipantCode importingParticipant,
    Carats carats,
    UsdAmount valueUsd,
    @Nullable String originZone,
    CertificateStatus status,
    @Nullable LocalDate confirmedOn) {}

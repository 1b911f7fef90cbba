package org.kimberlite.federation;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.shared.ParticipantCode;

/**
 * A certificate another node delivered, verified and kept here for the importing authority.
 *
 * @param fromNode the node that delivered it
 * @param status ISSUED; CONFIRMED once the importing authority confirmed it here; CANCELLED once
 *     its cancellation arrived; EXPIRED when still issued after its expiry date (as of this node's
 *     clock: expiry does not travel, {@link IncomingLifecycle})
 * @param expiresOn the certificate's date of expiry
 * @param confirmedOn the date of receipt the importing authority confirmed, or null
 * @param record the certificate as committed in the sender's log (canonical JSON, with its
 *     authority's signature)
 * @param proof the C2SP tlog-proof of its log entry, as received
 * @param confirmation the signed confirmation as committed in this node's log, or null
 */
public record IncomingCertificate(
    String number,
    String fromNode,
    ParticipantCode issuingParticipant,
    ParticipantCode importingParticipant,
    CertificateStatus status,
    LocalDate expiresOn,
    @Nullable LocalDate confirmedOn,
    String record,
    String proof,
    @Nullable String confirmation,
    Instant receivedAt,
    Instant changedAt) {

  /** The same certificate as shown on {@code today}. */
  public IncomingCertificate on(LocalDate today) {
    CertificateStatus shown = IncomingLifecycle.shown(status, expiresOn, today);
    return shown == status
        ? this
        : new IncomingCertificate(
            number,
            fromNode,
            issuingParticipant,
            importingParticipant,
            shown,
            expiresOn,
            confirmedOn,
            record,
            proof,
            confirmation,
            receivedAt,
            changedAt);
  }
}

package org.kimberlite.federation;

import java.time.Instant;
import org.kimberlite.shared.ParticipantCode;

/**
 * A certificate another node delivered, verified and kept here for the importing authority.
 *
 * @param fromNode the node that delivered it
 * @param status ISSUED, or CANCELLED once its cancellation arrived
 * @param record the certificate as committed in the sender's log (canonical JSON, with its
 *     authority's signature)
 * @param proof the C2SP tlog-proof of its log entry, as received
 */
public record IncomingCertificate(
    String number,
    String fromNode,
    ParticipantCode issuingParticipant,
    ParticipantCode importingParticipant,
    DeliveryKind status,
    String record,
    String proof,
    Instant receivedAt,
    Instant changedAt) {}

package org.kimberlite.federation;

import java.time.LocalDate;
import org.kimberlite.certification.CertificateStatus;

/**
 * The exporting node's answer to a confirmation delivered back: the certificate's status here now.
 *
 * @param fromNode the importing node that confirmed
 * @param receivedOn the date of receipt it confirmed
 */
public record ReceivedConfirmation(
    String number, String fromNode, CertificateStatus status, LocalDate receivedOn) {}

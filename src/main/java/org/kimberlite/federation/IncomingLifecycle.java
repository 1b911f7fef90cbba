package org.kimberlite.federation;

import java.time.LocalDate;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.shared.Policy;

/**
 * The status an incoming certificate shows on the importing node. Expiry does not travel as a
 * delivery: each node tells it from the certificate's own expiry date and its clock, as the
 * exporting node's expiry does (KP-08: a certificate still issued after its expiry date is
 * expired). Confirmed and cancelled certificates keep their status.
 */
@Policy(rules = {"KP-08"})
public final class IncomingLifecycle {
  private IncomingLifecycle() {}

  /** {@code held} as shown on {@code today}: EXPIRED once an issued one is past its expiry date. */
  public static CertificateStatus shown(
      CertificateStatus held, LocalDate expiresOn, LocalDate today) {
    return held == CertificateStatus.ISSUED && today.isAfter(expiresOn)
        ? CertificateStatus.EXPIRED
        : held;
  }
}

package org.kimberlite.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kimberlite.certification.CertificateStatus;

/** KP-08 on the importing node: an incoming certificate still issued after its expiry date. */
class IncomingLifecycleTest {
  static final LocalDate EXPIRES = LocalDate.of(2026, 12, 31);

  @Test
  void anIssuedCertificateIsIssuedUpToItsExpiryDateAndExpiredTheDayAfter() {
    assertThat(IncomingLifecycle.shown(CertificateStatus.ISSUED, EXPIRES, EXPIRES.minusDays(1)))
        .isEqualTo(CertificateStatus.ISSUED);
    assertThat(IncomingLifecycle.shown(CertificateStatus.ISSUED, EXPIRES, EXPIRES))
        .isEqualTo(CertificateStatus.ISSUED);
    assertThat(IncomingLifecycle.shown(CertificateStatus.ISSUED, EXPIRES, EXPIRES.plusDays(1)))
        .isEqualTo(CertificateStatus.EXPIRED);
  }

  @Test
  void confirmedAndCancelledCertificatesKeepTheirStatusPastExpiry() {
    LocalDate later = EXPIRES.plusYears(1);
    assertThat(IncomingLifecycle.shown(CertificateStatus.CONFIRMED, EXPIRES, later))
        .isEqualTo(CertificateStatus.CONFIRMED);
    assertThat(IncomingLifecycle.shown(CertificateStatus.CANCELLED, EXPIRES, later))
        .isEqualTo(CertificateStatus.CANCELLED);
  }
}

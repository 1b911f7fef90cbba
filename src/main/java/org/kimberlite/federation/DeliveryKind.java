package org.kimberlite.federation;

import org.kimberlite.certification.CertificateStatus;

/** What a delivery carries: a certificate issued, or its cancellation. */
public enum DeliveryKind {
  ISSUED,
  CANCELLED;

  /** The kind that carries a change to {@code status}, or null when none does. */
  public static @org.jspecify.annotations.Nullable DeliveryKind of(CertificateStatus status) {
    return switch (status) {
      case ISSUED -> ISSUED;
      case CANCELLED -> CANCELLED;
      default -> null;
    };
  }
}

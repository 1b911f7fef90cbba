package org.kimberlite.federation;

import org.kimberlite.certification.CertificateStatus;

/**
 * What a delivery carries: a certificate issued, or its cancellation (from the exporting node to
 * the importing node), or the importing authority's confirmation (back).
 */
public enum DeliveryKind {
  ISSUED,
  CANCELLED,
  CONFIRMED;

  /**
   * The kind that carries a change to {@code status} made on the exporting node, or null when none
   * does (a confirmation travels from the importing node, written by its own use case).
   */
  public static @org.jspecify.annotations.Nullable DeliveryKind of(CertificateStatus status) {
    return switch (status) {
      case ISSUED -> ISSUED;
      case CANCELLED -> CANCELLED;
      default -> null;
    };
  }
}

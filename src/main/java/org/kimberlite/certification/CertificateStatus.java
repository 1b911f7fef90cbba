package org.kimberlite.certification;

/** Where a KP certificate is in its life; the names are part of the published API. */
public enum CertificateStatus {
  ISSUED,
  CONFIRMED,
  CANCELLED,
  EXPIRED
}

package org.kimberlite.certification;

import java.time.Instant;

/**
 * A domain fact for due diligence: a certificate was issued, confirmed at import, cancelled or
 * expired. Published inside the transaction that made the change, so it exists exactly when the
 * change was committed; listeners read the certificate itself through {@link CertificateFacts}.
 */
public record CertificateChanged(String number, CertificateStatus status, Instant at) {}

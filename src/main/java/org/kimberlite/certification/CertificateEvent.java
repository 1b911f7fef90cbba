package org.kimberlite.certification;

import java.time.Instant;
import java.time.LocalDate;

/** One step of a certificate's history: the status it took, when, and why. */
public record CertificateEvent(
    CertificateStatus status, LocalDate effectiveOn, String details, Instant recordedAt) {}

package org.kimberlite.certification;

import java.time.Instant;

/** A flag raised on a certificate (KP-09, KP-11), for its parties and authorities. */
public record CertificateFinding(String rule, String detail, Instant raisedAt) {}

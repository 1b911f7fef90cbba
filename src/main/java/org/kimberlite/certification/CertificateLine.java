package org.kimberlite.certification;

import java.math.BigDecimal;

/** One HS line of a certificate: carats with two decimals, value in US dollars with cents. */
public record CertificateLine(String hsCode, BigDecimal carats, BigDecimal valueUsd) {}

package org.kimberlite.certification;

import org.kimberlite.shared.Carats;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.UsdAmount;

/** One HS line of a certificate: carats with two decimals, value in US dollars with cents. */
public record CertificateLine(HsCode hsCode, Carats carats, UsdAmount valueUsd) {}

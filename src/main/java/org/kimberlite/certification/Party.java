package org.kimberlite.certification;

import java.util.UUID;
import org.kimberlite.shared.CountryCode;

/** An organisation named on a certificate: exporter, importer or issuing authority. */
public record Party(UUID organisationId, String name, CountryCode country) {}

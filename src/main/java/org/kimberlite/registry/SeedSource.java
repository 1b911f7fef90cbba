package org.kimberlite.registry;

import java.time.Instant;
import java.time.LocalDate;

/** Where a body of reference data came from and the date it is current as of. */
public record SeedSource(String name, LocalDate asOf, String source, Instant loadedAt) {}

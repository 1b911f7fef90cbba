package org.kimberlite.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * A domain fact for due diligence: an organisation's compliance facts (SoW registration, RJC
 * certification) changed. Published in the transaction that changed them.
 */
public record OrganisationChanged(UUID organisationId, Instant at) {}

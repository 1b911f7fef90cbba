package org.kimberlite.registry;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.ParticipantCode;

/**
 * One demo sign-in, as written to {@code data/demo-accounts.json} (the field names are read by
 * outside tools).
 */
public record DemoAccount(
    UUID organisationId,
    String organisationName,
    CountryCode country,
    @Nullable ParticipantCode participant,
    OrganisationRole role,
    String username,
    String password) {}

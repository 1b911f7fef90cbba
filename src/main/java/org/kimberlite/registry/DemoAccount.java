package org.kimberlite.registry;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One demo sign-in, as written to {@code data/demo-accounts.json} (the field names are read by
 * outside tools).
 */
public record DemoAccount(
    UUID organisationId,
    String organisationName,
    String country,
    @Nullable String participant,
    OrganisationRole role,
    String username,
    String password) {}

package org.kimberlite.registry;

import java.util.UUID;

/** A person's or a machine client's sign-in, belonging to exactly one organisation. */
public record Account(
    UUID id,
    UUID organisationId,
    String username,
    String displayName,
    boolean admin,
    boolean enabled) {}

package org.kimberlite.registry;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An organisation to register. */
public record NewOrganisation(
    String name,
    String country,
    Set<OrganisationRole> roles,
    @Nullable SowRegistration sow,
    @Nullable RjcCertification rjc) {}

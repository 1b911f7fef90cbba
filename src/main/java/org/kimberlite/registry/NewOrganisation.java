package org.kimberlite.registry;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.CountryCode;

/** An organisation to register. */
public record NewOrganisation(
    String name,
    CountryCode country,
    Set<OrganisationRole> roles,
    @Nullable SowRegistration sow,
    @Nullable RjcCertification rjc) {}

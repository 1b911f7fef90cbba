package org.kimberlite.registry;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.ParticipantCode;

/**
 * A company or authority registered on the platform.
 *
 * @param country ISO 3166-1 alpha-2 code of the country it is established in
 * @param participant the KP participant that country trades under (EU for its member states), or
 *     {@code null} when the country is not a participant
 */
public record Organisation(
    UUID id,
    String name,
    CountryCode country,
    @Nullable ParticipantCode participant,
    Set<OrganisationRole> roles,
    @Nullable SowRegistration sow,
    @Nullable RjcCertification rjc,
    long version) {

  public Organisation {
    roles = Set.copyOf(roles);
  }

  public boolean has(OrganisationRole role) {
    return roles.contains(role);
  }
}

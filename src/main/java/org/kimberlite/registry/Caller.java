package org.kimberlite.registry;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;

/**
 * Who is asking: an authenticated account and the organisation it belongs to. Every private read
 * and every write takes one, and repositories scope by {@link #organisationId()}.
 */
public record Caller(
    UUID accountId,
    String username,
    UUID organisationId,
    String organisationName,
    Set<OrganisationRole> roles,
    @Nullable ParticipantCode participant,
    boolean admin) {

  public Caller {
    roles = Set.copyOf(roles);
  }

  public boolean has(OrganisationRole role) {
    return roles.contains(role);
  }

  /** Whether the caller's organisation plays one of {@code anyOf}. */
  public boolean hasAny(OrganisationRole... anyOf) {
    for (OrganisationRole role : anyOf) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  /** The KP secretariat or the KP authority of {@code participantCode}. */
  public boolean isAuthorityFor(ParticipantCode participantCode) {
    return has(OrganisationRole.KP_SECRETARIAT)
        || (has(OrganisationRole.KP_AUTHORITY) && participantCode.equals(participant));
  }
}

package org.kimberlite.platform.security;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The organisation a signed-in principal acts for. The registry's principal implements it, so lower
 * modules (the ledger) can decide who may see a private record without knowing accounts.
 */
public interface OrganisationPrincipal {
  UUID organisationId();

  /** Whether the organisation plays a role (the names of the registry's roles). */
  boolean hasRole(String role);

  /** The principal of the current request, if someone is signed in. */
  static Optional<OrganisationPrincipal> current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.getPrincipal() instanceof OrganisationPrincipal principal) {
      return Optional.of(principal);
    }
    return Optional.empty();
  }
}

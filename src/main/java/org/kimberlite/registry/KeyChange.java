package org.kimberlite.registry;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** What came of rotating or revoking an authority's signing key: done, or why not. */
public sealed interface KeyChange {

  /** Done (and committed to the log): the new key of a rotation, the revoked key. */
  record Changed(SigningKey key) implements KeyChange {}

  /** Refused under the registry's rules (a missing reason); nothing changed. */
  record Refused(RuleBreach breach) implements KeyChange {}

  /** The caller's organisation plays none of the roles {@code anyOf} this needs. */
  record NotAllowed(Set<OrganisationRole> anyOf) implements KeyChange {
    public NotAllowed {
      anyOf = Set.copyOf(anyOf);
    }
  }

  /** Only an administrator of the authority may change its keys. */
  record NotAnAdministrator() implements KeyChange {}

  /** The caller's organisation is not registered (any more). */
  record UnknownOrganisation(UUID organisationId) implements KeyChange {}

  /** The organisation is not a KP authority. */
  record NotAnAuthority(String organisation) implements KeyChange {}

  /** The authority belongs to no KP participant. */
  record NoParticipant(String organisation) implements KeyChange {}

  /** No such key of the caller's authority. */
  record NotYours(String kid) implements KeyChange {}

  /** The key was revoked before. */
  record AlreadyRevoked(String kid, Instant revokedAt) implements KeyChange {}

  /** Another change of the same key came first; try again. */
  record ChangedMeanwhile() implements KeyChange {}
}

package org.kimberlite.registry;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;

/** What came of registering an organisation or changing its record: done, or why not. */
public sealed interface OrganisationChange {

  /** Done: the organisation as it now stands. */
  record Done(Organisation organisation) implements OrganisationChange {}

  /** Refused under the registry's rules (fields at fault); nothing changed. */
  record Refused(List<RuleBreach> breaches) implements OrganisationChange {
    public Refused {
      breaches = List.copyOf(breaches);
    }
  }

  /** The caller's organisation plays none of the roles {@code anyOf} this needs. */
  record NotAllowed(Set<OrganisationRole> anyOf) implements OrganisationChange {
    public NotAllowed {
      anyOf = Set.copyOf(anyOf);
    }
  }

  /** Only the KP secretariat registers authorities. */
  record AuthoritiesBySecretariatOnly() implements OrganisationChange {}

  /** A KP authority registers organisations of its own participant {@code own} only. */
  record OtherParticipant(@Nullable ParticipantCode own) implements OrganisationChange {}

  /** No organisation {@code id} of the caller's. */
  record NotFound(UUID id) implements OrganisationChange {}

  /** Only an administrator of the organisation may change it. */
  record NotAnAdministrator() implements OrganisationChange {}

  /** The organisation was changed since {@code version}; read it again. */
  record ChangedMeanwhile(long version) implements OrganisationChange {}
}

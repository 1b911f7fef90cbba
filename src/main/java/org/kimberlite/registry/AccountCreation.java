package org.kimberlite.registry;

import java.util.List;
import java.util.UUID;

/** What came of creating an account: created, or why not. */
public sealed interface AccountCreation {

  /** Created. */
  record Created(Account account) implements AccountCreation {}

  /** Refused under the registry's rules (fields at fault); nothing created. */
  record Refused(List<RuleBreach> breaches) implements AccountCreation {
    public Refused {
      breaches = List.copyOf(breaches);
    }
  }

  /** No organisation {@code id} of the caller's. */
  record NotFound(UUID id) implements AccountCreation {}

  /** Only an administrator of the organisation may add accounts. */
  record NotAnAdministrator() implements AccountCreation {}

  /** The username is taken. */
  record UsernameTaken(String username) implements AccountCreation {}
}

package org.kimberlite.support;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.NewAccount;
import org.kimberlite.registry.NewOrganisation;
import org.kimberlite.registry.Organisation;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;

/** Organisations with one signed-in account each, for API tests. */
public final class Actors {
  private final Organisations organisations;
  private final Accounts accounts;
  private final Api anonymous;

  public Actors(Organisations organisations, Accounts accounts, Api anonymous) {
    this.organisations = organisations;
    this.accounts = accounts;
    this.anonymous = anonymous;
  }

  /** An organisation, its account and an API client holding the account's bearer token. */
  public record Actor(UUID id, Api api, String username, String password) {
    public Caller caller(Accounts accounts) {
      return accounts.signIn(username, password).orElseThrow();
    }
  }

  public Actor create(OrganisationRole role, String country) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Organisation o =
        organisations.registerSeed(
            new NewOrganisation(
                role + " " + country + " " + suffix,
                org.kimberlite.shared.CountryCode.of(country),
                Set.of(role),
                null,
                null));
    String username = "t-" + suffix;
    String password = "test password " + suffix;
    accounts.create(o.id(), new NewAccount(username, "Tester " + suffix, password, true));
    String token =
        anonymous
            .post("/api/v1/auth/token", Map.of("username", username, "password", password))
            .json()
            .get("token")
            .asString();
    return new Actor(o.id(), anonymous.withToken(token), username, password);
  }
}

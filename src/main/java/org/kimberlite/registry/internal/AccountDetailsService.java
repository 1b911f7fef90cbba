package org.kimberlite.registry.internal;

import org.kimberlite.registry.Accounts;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads accounts for the sign-in form. */
@Component
class AccountDetailsService implements UserDetailsService {
  private final AccountRepository accounts;
  private final Accounts service;

  AccountDetailsService(AccountRepository accounts, Accounts service) {
    this.accounts = accounts;
    this.service = service;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    AccountRepository.Credentials credentials =
        accounts
            .credentials(username.strip().toLowerCase(java.util.Locale.ROOT))
            .filter(c -> c.account().enabled())
            .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    return service
        .callerFor(credentials.account())
        .map(caller -> new AccountPrincipal(caller, credentials.passwordHash()))
        .orElseThrow(() -> new UsernameNotFoundException("no organisation"));
  }
}

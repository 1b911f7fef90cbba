package org.kimberlite.registry.internal;

import java.util.Collection;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.platform.security.OrganisationPrincipal;
import org.kimberlite.registry.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in principal for both web sessions and bearer tokens: it carries the caller. */
public final class AccountPrincipal implements UserDetails, OrganisationPrincipal {
  private static final long serialVersionUID = 1L;

  // Sessions live in memory only and are never serialised.
  private final transient Caller caller;
  private final @Nullable String passwordHash;

  public AccountPrincipal(Caller caller, @Nullable String passwordHash) {
    this.caller = caller;
    this.passwordHash = passwordHash;
  }

  public Caller caller() {
    return caller;
  }

  @Override
  public UUID organisationId() {
    return caller.organisationId();
  }

  @Override
  public boolean hasRole(String role) {
    return caller.roles().stream().anyMatch(r -> r.name().equals(role));
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return caller.roles().stream()
        .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name()))
        .toList();
  }

  @Override
  public @Nullable String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return caller.username();
  }

  /** The caller of the current request, or {@code null} when nobody is signed in. */
  public static @Nullable Caller current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal p) {
      return p.caller();
    }
    return null;
  }
}

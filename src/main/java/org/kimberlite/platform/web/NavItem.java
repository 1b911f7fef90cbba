package org.kimberlite.platform.web;

import java.util.Set;

/**
 * A link in the top navigation, contributed by a module as a bean: shown to everyone, to signed-in
 * callers, or only to organisations with one of {@code roles} (role names of the registry). The
 * {@code label} is a message key of the page bundles (such as {@code nav.home}); text that is no
 * key is shown as it is.
 */
public record NavItem(String label, String href, int order, boolean signedIn, Set<String> roles) {
  public NavItem {
    roles = Set.copyOf(roles);
  }

  public static NavItem everyone(String label, String href, int order) {
    return new NavItem(label, href, order, false, Set.of());
  }

  public static NavItem signedIn(String label, String href, int order) {
    return new NavItem(label, href, order, true, Set.of());
  }

  public static NavItem forRoles(String label, String href, int order, String... roles) {
    return new NavItem(label, href, order, true, Set.of(roles));
  }
}

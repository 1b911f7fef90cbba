package org.kimberlite.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.internal.AccountPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in caller and the navigation for their roles on every page. */
@ControllerAdvice(annotations = Controller.class)
class Navigation {

  /** A link in the top bar, shown to everyone, to signed-in callers, or to some roles. */
  record Item(String label, String href, boolean signedIn, Set<OrganisationRole> roles) {
    boolean visibleTo(@Nullable Caller caller) {
      if (!signedIn && roles.isEmpty()) {
        return true;
      }
      if (caller == null) {
        return false;
      }
      return roles.isEmpty() || roles.stream().anyMatch(caller::has);
    }
  }

  static final List<Item> ITEMS =
      List.of(
          new Item("Home", "/", false, Set.of()),
          new Item("Participants", "/participants", false, Set.of()),
          new Item("Organisations", "/organisations", true, Set.of()),
          new Item("My organisation", "/organisation", true, Set.of()));

  @ModelAttribute("caller")
  @Nullable Caller currentCaller() {
    return AccountPrincipal.current();
  }

  @ModelAttribute("nav")
  List<Item> nav() {
    Caller caller = AccountPrincipal.current();
    return ITEMS.stream().filter(i -> i.visibleTo(caller)).toList();
  }

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    return request.getRequestURI();
  }
}

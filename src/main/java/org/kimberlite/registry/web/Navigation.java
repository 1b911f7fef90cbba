package org.kimberlite.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.platform.web.NavItem;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.internal.AccountPrincipal;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in caller and the navigation for their roles on every page. */
@ControllerAdvice(annotations = Controller.class)
class Navigation {

  private final List<NavItem> items;

  Navigation(List<NavItem> items) {
    this.items = items.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
  }

  @Bean
  static NavItem homeNav() {
    return NavItem.everyone("nav.home", "/", 0);
  }

  @Bean
  static NavItem participantsNav() {
    return NavItem.everyone("nav.participants", "/participants", 10);
  }

  @Bean
  static NavItem organisationsNav() {
    return NavItem.signedIn("nav.organisations", "/organisations", 80);
  }

  @Bean
  static NavItem ownOrganisationNav() {
    return NavItem.signedIn("nav.organisation", "/organisation", 90);
  }

  static boolean visible(NavItem item, @Nullable Caller caller) {
    if (!item.signedIn()) {
      return true;
    }
    if (caller == null) {
      return false;
    }
    return item.roles().isEmpty()
        || item.roles().stream().anyMatch(r -> caller.has(OrganisationRole.valueOf(r)));
  }

  @ModelAttribute("caller")
  @Nullable Caller currentCaller() {
    return AccountPrincipal.current();
  }

  @ModelAttribute("nav")
  List<NavItem> nav() {
    Caller caller = AccountPrincipal.current();
    return items.stream().filter(i -> visible(i, caller)).toList();
  }

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    return request.getRequestURI();
  }
}

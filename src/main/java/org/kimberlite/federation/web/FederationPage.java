package org.kimberlite.federation.web;

import org.kimberlite.federation.NodeOverviews;
import org.kimberlite.platform.web.NavItem;
import org.kimberlite.platform.web.PublicPaths;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public page of this node's log and its witnesses ({@code /federation}, no sign-in): the node
 * as the directory lists it, its log's latest checkpoint with each cosignature and the peer whose
 * witness made it, and the peers' logs it witnesses with the size and time it cosigned last.
 */
@Controller
class FederationPage {
  static final String PATH = "/federation";

  private final NodeOverviews overviews;

  FederationPage(NodeOverviews overviews) {
    this.overviews = overviews;
  }

  @Bean
  static PublicPaths federationPagePaths() {
    return PublicPaths.of(PATH);
  }

  /** In the navigation of a node of a federation only. */
  @Bean
  @ConditionalOnProperty(prefix = "kimberlite.federation.exchange", name = "node-id")
  static NavItem federationPageNav() {
    return NavItem.everyone("federation.node.nav", PATH, 34);
  }

  @GetMapping(PATH)
  String page(Model model) {
    model.addAttribute("o", overviews.overview());
    return "federation";
  }
}

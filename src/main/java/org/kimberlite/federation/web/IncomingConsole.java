package org.kimberlite.federation.web;

import java.util.List;
import org.kimberlite.federation.ExchangeProperties;
import org.kimberlite.federation.IncomingCertificate;
import org.kimberlite.federation.IncomingDeliveries;
import org.kimberlite.platform.web.NavItem;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.shared.problem.Problem;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The certificates other nodes delivered to this node, as the importing participant's KP authority
 * (or the secretariat) follows them in the browser: each with the node it came from and its status
 * here, confirmed once the authority confirmed it and the confirmation went back. On a single node
 * the page says that nothing comes from other nodes.
 */
@Controller
class IncomingConsole {
  static final String PATH = "/console/federation/incoming";

  /** The most certificates the page lists, newest first. */
  static final int SHOWN = 200;

  private final IncomingDeliveries incoming;
  private final ExchangeProperties properties;

  IncomingConsole(IncomingDeliveries incoming, ExchangeProperties properties) {
    this.incoming = incoming;
    this.properties = properties;
  }

  /** In the navigation of a node of a federation only. */
  @Bean
  @ConditionalOnProperty(prefix = "kimberlite.federation.exchange", name = "node-id")
  static NavItem federationIncomingNav() {
    return NavItem.forRoles(
        "federation.incoming.nav",
        PATH,
        35,
        OrganisationRole.KP_AUTHORITY.name(),
        OrganisationRole.KP_SECRETARIAT.name());
  }

  @GetMapping(PATH)
  String list(Caller caller, Model model) {
    List<IncomingCertificate> certificates =
        incoming
            .incoming(caller, SHOWN)
            .orElseThrow(
                () ->
                    Problem.forbidden(
                        "Only the secretariat and KP authorities read incoming certificates."));
    model.addAttribute("certificates", certificates);
    model.addAttribute("federated", properties.enabled());
    model.addAttribute("node", properties.nodeId());
    model.addAttribute("shown", SHOWN);
    return "console/federation/incoming";
  }
}

package org.kimberlite.federation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.certification.ConfirmRequest;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.Violation;
import org.kimberlite.federation.ConfirmingIncoming;
import org.kimberlite.federation.ExchangeProperties;
import org.kimberlite.federation.IncomingCertificate;
import org.kimberlite.federation.IncomingConfirmation;
import org.kimberlite.federation.IncomingDeliveries;
import org.kimberlite.federation.IncomingRecords;
import org.kimberlite.platform.web.NavItem;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.shared.problem.Problem;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The certificates other nodes delivered to this node, as the importing participant's KP authority
 * (or the secretariat) follows them in the browser: each with the node it came from and its status
 * here, confirmed once the authority confirmed it and the confirmation went back. The importing
 * authority confirms a certificate still issued from here, through the same use case and checks as
 * the API; the page then says what came of it. On a single node the page says that nothing comes
 * from other nodes.
 */
@Controller
class IncomingConsole {
  static final String PATH = "/console/federation/incoming";

  /** The most certificates the page lists, newest first. */
  static final int SHOWN = 200;

  private final IncomingDeliveries incoming;
  private final ConfirmingIncoming confirming;
  private final ExchangeProperties properties;
  private final Clock clock;

  IncomingConsole(
      IncomingDeliveries incoming,
      ConfirmingIncoming confirming,
      ExchangeProperties properties,
      Clock clock) {
    this.incoming = incoming;
    this.confirming = confirming;
    this.properties = properties;
    this.clock = clock;
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

  /** What a confirmation from the page came to. */
  enum Result {
    /** Confirmed now: signed, logged and on its way back to the exporting node. */
    CONFIRMED,
    /** Confirmed before (a second press of the button): nothing changed. */
    ALREADY,
    /** Refused under KP rules: nothing changed. */
    REFUSED
  }

  /**
   * What a confirmation from the page came to, shown once on the page it goes back to.
   *
   * @param confirmedOn the date of receipt confirmed (now or before), or null
   * @param rules the rules broken (refused) or the flags raised (confirmed)
   */
  record Outcome(
      String number, Result result, @Nullable LocalDate confirmedOn, List<RuleLine> rules) {
    Outcome {
      rules = List.copyOf(rules);
    }
  }

  /** One rule of an outcome, with its reason in the rule's words. */
  record RuleLine(String rule, String message) {

    static List<RuleLine> of(List<Violation> violations) {
      return violations.stream().map(v -> new RuleLine(v.rule(), v.message())).toList();
    }
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
    model.addAttribute("confirmable", confirmable(caller, certificates));
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("federated", properties.enabled());
    model.addAttribute("node", properties.nodeId());
    model.addAttribute("shown", SHOWN);
    return "console/federation/incoming";
  }

  /** The numbers the caller may confirm: still issued, for its own participant, as an authority. */
  static Set<String> confirmable(Caller caller, List<IncomingCertificate> certificates) {
    if (!caller.has(OrganisationRole.KP_AUTHORITY) || caller.participant() == null) {
      return Set.of();
    }
    return certificates.stream()
        .filter(c -> c.status() == CertificateStatus.ISSUED)
        .filter(c -> c.importingParticipant().equals(caller.participant()))
        .map(IncomingCertificate::number)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The confirm form: the shipment in hand, as the API takes it; the importer and exporter are
   * those the certificate names. Refusals under KP rules come back to the list with their rules; a
   * certificate the caller may not confirm is refused as by the API.
   */
  @PostMapping(PATH + "/{number}/confirmation")
  String confirm(
      Caller caller,
      @PathVariable String number,
      @RequestParam @Nullable Integer parcels,
      @RequestParam @Nullable String carats,
      @RequestParam @Nullable String sealId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate receivedOn,
      RedirectAttributes redirect) {
    Optional<IncomingCertificate> held = incoming.incoming(caller, number);
    Optional<KpCertificate> certificate =
        held.map(
            c ->
                IncomingRecords.certificate(
                    c.record(), c.status(), LocalDate.ofInstant(c.changedAt(), clock.getZone())));
    ConfirmRequest request =
        new ConfirmRequest(
            parcels,
            carats,
            certificate.map(c -> c.importer().organisationId()).orElse(null),
            certificate.map(c -> c.exporter().organisationId()).orElse(null),
            sealId,
            receivedOn);
    Outcome outcome =
        switch (confirming.confirm(caller, number, request)) {
          case IncomingConfirmation.Confirmed c ->
              new Outcome(
                  number, Result.CONFIRMED, c.certificate().confirmedOn(), RuleLine.of(c.flags()));
          case IncomingConfirmation.Refused r -> {
            boolean already =
                held.map(c -> c.status() == CertificateStatus.CONFIRMED).orElse(false);
            yield new Outcome(
                number,
                already ? Result.ALREADY : Result.REFUSED,
                already ? held.map(IncomingCertificate::confirmedOn).orElse(null) : null,
                RuleLine.of(r.violations()));
          }
          case IncomingConfirmation.NotFound n ->
              throw Problem.notFound(
                  "No incoming certificate " + n.number() + " that you may see.");
          case IncomingConfirmation.NotAllowed n -> throw Problem.forbidden(n.reason());
          case IncomingConfirmation.NotFederated n ->
              throw Problem.notFound("This server is a single node, in no federation.");
        };
    redirect.addFlashAttribute("outcome", outcome);
    return "redirect:" + PATH;
  }
}

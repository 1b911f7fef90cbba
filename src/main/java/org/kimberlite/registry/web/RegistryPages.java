package org.kimberlite.registry.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.registry.ParticipantDetail;
import org.kimberlite.registry.ParticipantPanel;
import org.kimberlite.registry.ParticipantSummary;
import org.kimberlite.registry.Participants;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Server-rendered pages of the registry and the public home page. */
@Controller
class RegistryPages {
  private final Participants participants;
  private final Organisations organisations;
  private final Accounts accounts;
  private final List<ParticipantPanel> panels;

  RegistryPages(
      Participants participants,
      Organisations organisations,
      Accounts accounts,
      ObjectProvider<ParticipantPanel> panels) {
    this.participants = participants;
    this.organisations = organisations;
    this.accounts = accounts;
    this.panels =
        panels.stream().sorted(java.util.Comparator.comparingInt(ParticipantPanel::order)).toList();
  }

  @GetMapping("/")
  String home() {
    return "home";
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/participants")
  String participants(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate on,
      Model model) {
    LocalDate day = on == null ? participants.today() : on;
    List<ParticipantSummary> list = participants.list(day);
    long good = list.stream().filter(p -> p.standing().inGoodStanding()).count();
    model.addAttribute("on", day);
    model.addAttribute("participants", list);
    model.addAttribute("goodStanding", good);
    model.addAttribute("notInGoodStanding", list.size() - good);
    model.addAttribute("sources", participants.sources());
    return "participants";
  }

  @GetMapping("/participants/{code}")
  String participant(
      @PathVariable String code,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate on,
      @Nullable Caller caller,
      Locale locale,
      Model model) {
    ParticipantCode participant = RegistryProblems.requireCode(code);
    ParticipantDetail detail =
        participants.detail(participant).orElseThrow(() -> RegistryProblems.noParticipant(code));
    model.addAttribute("d", detail);
    model.addAttribute("on", on);
    model.addAttribute(
        "asked", on == null ? null : participants.standing(participant, on).orElse(null));
    model.addAttribute("canRecord", caller != null && caller.has(OrganisationRole.KP_SECRETARIAT));
    model.addAttribute("certificateFrench", participants.certificateInFrench(participant));
    model.addAttribute(
        "panels",
        panels.stream()
            .map(p -> p.panel(participant, caller, locale))
            .flatMap(Optional::stream)
            .toList());
    return "participant";
  }

  /**
   * The KP secretariat sets the languages the participant's certificates are printed in: {@code en}
   * (English only) or {@code en,fr} (English and French).
   */
  @PostMapping("/participants/{code}/certificate-language")
  String setCertificateLanguage(
      @PathVariable String code,
      Caller caller,
      @RequestParam(required = false) @Nullable String languages) {
    participants
        .mayChange(caller)
        .ifPresent(
            n -> {
              throw RegistryProblems.roleRequired(n.anyOf());
            });
    String asked = languages == null ? "" : languages.strip();
    if (!asked.equals("en") && !asked.equals("en,fr")) {
      throw Problem.invalid(
          "The certificate languages cannot be set as given.",
          List.of(new FieldError("languages", "en or en,fr")));
    }
    RegistryProblems.recorded(
        participants.setCertificateInFrench(
            caller, RegistryProblems.requireCode(code), asked.equals("en,fr")),
        code);
    return "redirect:/participants/" + code;
  }

  @GetMapping("/organisations")
  String directory(Caller caller, Model model) {
    model.addAttribute("organisations", organisations.directory());
    return "organisations";
  }

  @GetMapping("/organisation")
  String own(Caller caller, Model model) {
    UUID id = caller.organisationId();
    model.addAttribute(
        "org",
        organisations
            .own(caller, id)
            .orElseThrow(() -> RegistryProblems.noOrganisationOfYours(id)));
    model.addAttribute(
        "accounts",
        accounts
            .accounts(caller, id)
            .orElseThrow(() -> RegistryProblems.noOrganisationOfYours(id)));
    model.addAttribute("tokens", accounts.tokens(caller));
    return "organisation";
  }
}

package org.kimberlite.certification.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.CancellingCertificates;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.certification.CheckOutcome;
import org.kimberlite.certification.ConfirmRequest;
import org.kimberlite.certification.ConfirmingImports;
import org.kimberlite.certification.IssueRequest;
import org.kimberlite.certification.Issued;
import org.kimberlite.certification.IssuingCertificates;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.KpRules;
import org.kimberlite.certification.NotAllowed;
import org.kimberlite.certification.OriginKind;
import org.kimberlite.certification.ReadingCertificates;
import org.kimberlite.certification.Refused;
import org.kimberlite.platform.web.NavItem;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.Organisation;
import org.kimberlite.registry.Organisations;
import org.kimberlite.registry.ParticipantSummary;
import org.kimberlite.registry.Participants;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The authority's console: issue a certificate (the form checks the rules as you type), the
 * incoming certificates to confirm, the outgoing ones by status, and each certificate's page with
 * its printable PDF.
 */
@Controller
class CertificateConsole {
  private static final java.util.regex.Pattern COUNTRY_SEPARATORS =
      java.util.regex.Pattern.compile("[,\\s]+");

  private final IssuingCertificates issuing;
  private final ConfirmingImports confirming;
  private final CancellingCertificates cancelling;
  private final ReadingCertificates certificates;
  private final Organisations organisations;
  private final Participants participants;

  CertificateConsole(
      IssuingCertificates issuing,
      ConfirmingImports confirming,
      CancellingCertificates cancelling,
      ReadingCertificates certificates,
      Organisations organisations,
      Participants participants) {
    this.issuing = issuing;
    this.confirming = confirming;
    this.cancelling = cancelling;
    this.certificates = certificates;
    this.organisations = organisations;
    this.participants = participants;
  }

  @Bean
  static NavItem certificatesNav() {
    return NavItem.forRoles("nav.certificates", "/console/certificates", 20, "KP_AUTHORITY");
  }

  /** The issue form's fields, as a browser posts them. */
  record IssueForm(
      @Nullable UUID exporter,
      @Nullable UUID importer,
      @Nullable String importingParticipant,
      @Nullable String originKind,
      @Nullable String originCountries,
      @Nullable String originZone,
      @Nullable List<String> hsCode,
      @Nullable List<String> carats,
      @Nullable List<String> valueUsd,
      @Nullable Integer parcels,
      @Nullable String sealId,
      @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
      @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn) {

    IssueRequest toRequest() {
      List<IssueRequest.LineRequest> lines = new ArrayList<>();
      int n = hsCode == null ? 0 : hsCode.size();
      for (int i = 0; i < n; i++) {
        String c = carats != null && i < carats.size() ? carats.get(i) : null;
        String v = valueUsd != null && i < valueUsd.size() ? valueUsd.get(i) : null;
        boolean empty = (c == null || c.isBlank()) && (v == null || v.isBlank());
        if (!empty) {
          lines.add(new IssueRequest.LineRequest(hsCode.get(i), c, v));
        }
      }
      OriginKind kind = null;
      if (originKind != null && !originKind.isBlank()) {
        kind = OriginKind.valueOf(originKind.strip().toUpperCase(java.util.Locale.ROOT));
      }
      List<String> countries = new ArrayList<>();
      if (originCountries != null) {
        for (String c : COUNTRY_SEPARATORS.split(originCountries)) {
          if (!c.isBlank()) {
            countries.add(c.strip());
          }
        }
      }
      return new IssueRequest(
          exporter,
          importer,
          importingParticipant,
          kind,
          countries,
          originZone == null || originZone.isBlank() ? null : originZone,
          lines,
          parcels,
          sealId,
          issuedOn,
          expiresOn,
          null);
    }
  }

  @GetMapping("/console/certificates")
  String overview(
      Caller caller,
      @RequestParam(required = false) @Nullable CertificateStatus status,
      Model model) {
    model.addAttribute(
        "incoming",
        CertificateProblems.listed(
            certificates.list(caller, true, CertificateStatus.ISSUED, null, null, null, 0, 100)));
    model.addAttribute(
        "outgoing",
        CertificateProblems.listed(
            certificates.list(caller, false, status, null, null, null, 0, 100)));
    model.addAttribute("status", status);
    model.addAttribute("statuses", CertificateStatus.values());
    return "console/certificates";
  }

  @GetMapping("/console/certificates/new")
  String form(Caller caller, Model model) {
    // The form is for those who may issue; anyone else is refused as the issue itself would be.
    issuing
        .mayIssue(caller)
        .ifPresent(
            n -> {
              throw CertificateProblems.notAllowed(n);
            });
    fill(caller, model);
    model.addAttribute("errors", Map.of());
    return "console/issue";
  }

  private void fill(Caller caller, Model model) {
    List<Organisation> all = organisations.directory();
    model.addAttribute(
        "exporters",
        all.stream()
            .filter(
                o -> caller.participant() != null && caller.participant().equals(o.participant()))
            .toList());
    model.addAttribute(
        "importers",
        all.stream()
            .filter(o -> o.participant() != null && !o.participant().equals(caller.participant()))
            .toList());
    List<ParticipantSummary> list = participants.list(participants.today());
    model.addAttribute(
        "participants",
        list.stream().filter(p -> !p.participant().code().equals(caller.participant())).toList());
    model.addAttribute("today", participants.today());
    model.addAttribute("expiry", participants.today().plusDays(30));
  }

  /** Checks the form as the user types: the rules' violations and flags by field. */
  @PostMapping("/console/certificates/validation")
  @ResponseBody
  Map<String, Object> validate(Caller caller, @ModelAttribute IssueForm form) {
    try {
      KpRules.Decision d =
          switch (issuing.check(caller, form.toRequest())) {
            case CheckOutcome.Checked checked -> checked.decision();
            case NotAllowed n -> throw CertificateProblems.notAllowed(n);
          };
      return Map.of(
          "valid", d.accepted(),
          "violations", d.violations().stream().map(CertificateJson.FlagJson::of).toList(),
          "flags", d.flags().stream().map(CertificateJson.FlagJson::of).toList());
    } catch (IllegalArgumentException e) {
      return Map.of(
          "valid", false,
          "violations",
              List.of(new CertificateJson.FlagJson("KP-04", "originKind", e.getMessage())),
          "flags", List.of());
    }
  }

  @PostMapping("/console/certificates")
  String issue(Caller caller, @ModelAttribute IssueForm form, Model model) {
    try {
      return switch (issuing.issue(caller, form.toRequest())) {
        case Issued issued -> "redirect:/console/certificates/" + issued.certificate().number();
        case Refused r -> throw CertificateProblems.refused(r.violations());
        case NotAllowed n -> throw CertificateProblems.notAllowed(n);
      };
    } catch (Problem p) {
      if (p.status() != 422) {
        throw p;
      }
      fill(caller, model);
      model.addAttribute("problem", p);
      model.addAttribute("form", form);
      Map<String, String> errors = new java.util.LinkedHashMap<>();
      for (FieldError e : p.fieldErrors()) {
        errors.merge(e.field(), e.message(), (a, b) -> a + "; " + b);
      }
      model.addAttribute("errors", errors);
      return "console/issue";
    }
  }

  @GetMapping("/console/certificates/{number}")
  String certificate(Caller caller, @PathVariable String number, Model model) {
    KpCertificate c =
        certificates.get(caller, number).orElseThrow(() -> CertificateProblems.notFound(number));
    model.addAttribute("c", c);
    model.addAttribute("history", certificates.history(caller, number).orElse(List.of()));
    model.addAttribute("findings", certificates.findings(caller, number).orElse(List.of()));
    model.addAttribute(
        "issuer", c.issuingAuthority().organisationId().equals(caller.organisationId()));
    model.addAttribute("importingAuthority", c.importingParticipant().equals(caller.participant()));
    model.addAttribute("today", participants.today());
    return "console/certificate";
  }

  @PostMapping("/console/certificates/{number}/confirmation")
  String confirm(
      Caller caller,
      @PathVariable String number,
      @RequestParam @Nullable Integer parcels,
      @RequestParam @Nullable String carats,
      @RequestParam @Nullable String sealId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate receivedOn) {
    KpCertificate c =
        certificates.get(caller, number).orElseThrow(() -> CertificateProblems.notFound(number));
    CertificateProblems.changed(
        confirming.confirm(
            caller,
            number,
            new ConfirmRequest(
                parcels,
                carats,
                c.importer().organisationId(),
                c.exporter().organisationId(),
                sealId,
                receivedOn)));
    return "redirect:/console/certificates/" + number;
  }

  @PostMapping("/console/certificates/{number}/cancellation")
  String cancel(Caller caller, @PathVariable String number, @RequestParam String reason) {
    CertificateProblems.changed(cancelling.cancel(caller, number, reason));
    return "redirect:/console/certificates/" + number;
  }
}

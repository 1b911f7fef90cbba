package org.kimberlite.governance.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.Decision;
import org.kimberlite.governance.DecisionBody;
import org.kimberlite.governance.DecisionNumber;
import org.kimberlite.governance.DecisionOrder;
import org.kimberlite.governance.Decisions;
import org.kimberlite.governance.NewDecision;
import org.kimberlite.platform.web.NavItem;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.DatePrecision;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.StatusChangeType;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The decisions' pages: the public list with each decision's state on a day, one decision with its
 * orders and their registry records, and the secretariat's form to record one.
 */
@Controller
class DecisionPages {
  /** The order rows the form offers. */
  static final int ORDER_ROWS = 6;

  private final Decisions decisions;

  DecisionPages(Decisions decisions) {
    this.decisions = decisions;
  }

  @Bean
  static NavItem decisionsNav() {
    return NavItem.everyone("nav.decisions", "/governance/decisions", 12);
  }

  @GetMapping("/governance/decisions")
  String list(
      @RequestParam(required = false) @Nullable String participant,
      @RequestParam(required = false) @Nullable String on,
      @Nullable Caller caller,
      Model model) {
    ParticipantCode code =
        participant == null || participant.isBlank()
            ? null
            : DecisionForms.participant(participant);
    LocalDate day = on == null || on.isBlank() ? decisions.today() : DecisionForms.date("on", on);
    model.addAttribute("standings", decisions.list(code, day));
    model.addAttribute("participant", code == null ? "" : code.code());
    model.addAttribute("on", day);
    model.addAttribute("canRecord", caller != null && caller.has(OrganisationRole.KP_SECRETARIAT));
    return "governance/decisions";
  }

  @GetMapping("/governance/decisions/{id}")
  String one(@PathVariable String id, Model model) {
    LocalDate today = decisions.today();
    Decisions.Standing s =
        DecisionForms.uuid(id)
            .flatMap(u -> decisions.find(u, today))
            .orElseThrow(() -> Problem.notFound("No decision " + id + "."));
    model.addAttribute("d", s.decision());
    model.addAttribute("state", s.state());
    model.addAttribute("today", today);
    return "governance/decision";
  }

  /** A row of the form's orders as entered. */
  record OrderRow(String participant, String order, String zone) {}

  @GetMapping("/console/governance/decisions/new")
  String form(
      Caller caller, @RequestParam(required = false) @Nullable String participant, Model model) {
    requireSecretariat(caller);
    String code = participant == null ? "" : participant.strip().toUpperCase(Locale.ROOT);
    if (code.length() > 2) {
      code = "";
    }
    List<OrderRow> rows = new ArrayList<>();
    rows.add(new OrderRow(code, "", ""));
    fill(model, rows, List.of(), Fields.empty(decisions.today()));
    return "governance/decision-form";
  }

  /** The form's plain fields as entered. */
  record Fields(
      String number,
      String title,
      String body,
      String adoptedOn,
      String effectiveOn,
      String text,
      String source) {
    static Fields empty(LocalDate today) {
      return new Fields("", "", "PLENARY", today.toString(), today.toString(), "", "");
    }
  }

  @PostMapping("/console/governance/decisions")
  String record(
      Caller caller,
      @RequestParam(required = false) @Nullable String number,
      @RequestParam(required = false) @Nullable String title,
      @RequestParam(required = false) @Nullable String body,
      @RequestParam(required = false) @Nullable String adoptedOn,
      @RequestParam(required = false) @Nullable String effectiveOn,
      @RequestParam(required = false) @Nullable String text,
      @RequestParam(required = false) @Nullable String source,
      @RequestParam(name = "orderParticipant", required = false)
          @Nullable List<String> orderParticipants,
      @RequestParam(name = "order", required = false) @Nullable List<String> orderKinds,
      @RequestParam(name = "zone", required = false) @Nullable List<String> zones,
      Model model) {
    requireSecretariat(caller);
    Fields fields =
        new Fields(
            trim(number),
            trim(title),
            trim(body),
            trim(adoptedOn),
            trim(effectiveOn),
            trim(text),
            trim(source));
    List<String> ps = orderParticipants == null ? List.of() : orderParticipants;
    List<String> ks = orderKinds == null ? List.of() : orderKinds;
    List<String> zs = zones == null ? List.of() : zones;
    List<FieldError> errors = new ArrayList<>();
    List<OrderRow> rows = new ArrayList<>();
    int n = Math.max(ps.size(), Math.max(ks.size(), zs.size()));
    if (n > ORDER_ROWS) {
      errors.add(new FieldError("orders", "at most " + ORDER_ROWS + " orders from this form"));
      n = 0;
    }
    for (int i = 0; i < n; i++) {
      rows.add(
          new OrderRow(
              i < ps.size() ? trim(ps.get(i)).toUpperCase(Locale.ROOT) : "",
              i < ks.size() ? trim(ks.get(i)) : "",
              i < zs.size() ? trim(zs.get(i)) : ""));
    }
    NewDecision request = read(fields, rows, errors);
    if (request == null || !errors.isEmpty()) {
      fill(model, rows, errors, fields);
      return "governance/decision-form";
    }
    try {
      Decision d = DecisionForms.recorded(decisions.record(caller, request));
      return "redirect:/governance/decisions/" + d.id();
    } catch (Problem p) {
      if (p.status() == 403) {
        throw p;
      }
      errors.addAll(
          p.fieldErrors().isEmpty() ? List.of(new FieldError("", p.detail())) : p.fieldErrors());
      fill(model, rows, errors, fields);
      return "governance/decision-form";
    }
  }

  private static @Nullable NewDecision read(
      Fields f, List<OrderRow> rows, List<FieldError> errors) {
    DecisionNumber number = null;
    try {
      number = DecisionNumber.of(f.number());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("number", String.valueOf(e.getMessage())));
    }
    DecisionBody body = null;
    try {
      body = DecisionBody.valueOf(f.body());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("body", "one of " + List.of(DecisionBody.values())));
    }
    LocalDate adopted = date("adoptedOn", f.adoptedOn(), errors);
    LocalDate effective = date("effectiveOn", f.effectiveOn(), errors);
    if (f.title().isBlank()) {
      errors.add(new FieldError("title", "must not be blank"));
    }
    if (f.text().isBlank()) {
      errors.add(new FieldError("text", "must not be blank"));
    }
    List<DecisionOrder> orders = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      OrderRow r = rows.get(i);
      if (r.participant().isEmpty() && r.order().isEmpty() && r.zone().isEmpty()) {
        continue;
      }
      ParticipantCode code;
      try {
        code = ParticipantCode.of(r.participant());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("orders[" + i + "].participant", "a participant's code"));
        continue;
      }
      if (r.order().equals("ZONE")) {
        if (r.zone().isEmpty()) {
          errors.add(new FieldError("orders[" + i + "].zone", "name the zone"));
        } else {
          orders.add(new DecisionOrder.ZoneDeclaration(code, r.zone()));
        }
        continue;
      }
      try {
        StatusChangeType type = StatusChangeType.valueOf(r.order());
        if (type == StatusChangeType.ADMISSION) {
          throw new IllegalArgumentException("admission");
        }
        orders.add(new DecisionOrder.StatusOrder(code, type));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("orders[" + i + "].change", "choose what the order does"));
      }
    }
    if (number == null || body == null || adopted == null || effective == null) {
      return null;
    }
    return new NewDecision(
        number,
        f.title(),
        body,
        adopted,
        effective,
        DatePrecision.DAY,
        f.text(),
        List.of(),
        orders,
        null,
        f.source().isEmpty() ? null : f.source());
  }

  private static @Nullable LocalDate date(String field, String text, List<FieldError> errors) {
    try {
      return DecisionForms.date(field, text);
    } catch (Problem p) {
      errors.add(new FieldError(field, "a date such as 2026-01-31"));
      return null;
    }
  }

  private static String trim(@Nullable String s) {
    return s == null ? "" : s.strip();
  }

  private void fill(Model model, List<OrderRow> entered, List<FieldError> errors, Fields fields) {
    List<OrderRow> rows = new ArrayList<>(entered);
    while (rows.size() < ORDER_ROWS) {
      rows.add(new OrderRow("", "", ""));
    }
    List<String> kinds = new ArrayList<>();
    for (StatusChangeType t : StatusChangeType.values()) {
      if (t != StatusChangeType.ADMISSION) {
        kinds.add(t.name());
      }
    }
    kinds.add("ZONE");
    model.addAttribute("rows", rows);
    model.addAttribute("errors", errors);
    model.addAttribute("f", fields);
    model.addAttribute("bodies", DecisionBody.values());
    model.addAttribute("kinds", kinds);
  }

  private static void requireSecretariat(Caller caller) {
    if (!caller.has(OrganisationRole.KP_SECRETARIAT)) {
      throw Problem.forbidden("Only the KP secretariat records decisions.");
    }
  }
}

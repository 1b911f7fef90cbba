package org.kimberlite.governance.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.AppliedOrder;
import org.kimberlite.governance.Decision;
import org.kimberlite.governance.DecisionBody;
import org.kimberlite.governance.DecisionNumber;
import org.kimberlite.governance.DecisionOrder;
import org.kimberlite.governance.DecisionState;
import org.kimberlite.governance.Decisions;
import org.kimberlite.governance.NewDecision;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.DatePrecision;
import org.kimberlite.registry.StatusChangeType;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * KP decisions (docs/governance.md): public to read, with where each stands on a day (pending, in
 * force, spent); recorded by the secretariat, whose status changes and compliant zones then take
 * effect in the registry from the decision's effective date.
 */
@RestController
@RequestMapping(DecisionApi.BASE)
class DecisionApi {
  static final String BASE = "/api/v1/governance/decisions";

  private final Decisions decisions;

  DecisionApi(Decisions decisions) {
    this.decisions = decisions;
  }

  @GetMapping
  List<DecisionJson> list(
      @RequestParam(required = false) @Nullable String participant,
      @RequestParam(required = false) @Nullable String on,
      @RequestParam(required = false) @Nullable String state) {
    ParticipantCode code = participant == null ? null : DecisionForms.participant(participant);
    LocalDate day = on == null ? decisions.today() : DecisionForms.date("on", on);
    DecisionState only = state == null ? null : DecisionForms.state(state);
    return decisions.list(code, day).stream()
        .filter(s -> only == null || s.state() == only)
        .map(s -> DecisionJson.of(s.decision(), s.state(), day))
        .toList();
  }

  @GetMapping("/{id}")
  DecisionJson one(@PathVariable String id, @RequestParam(required = false) @Nullable String on) {
    LocalDate day = on == null ? decisions.today() : DecisionForms.date("on", on);
    Decisions.Standing s =
        DecisionForms.uuid(id)
            .flatMap(u -> decisions.find(u, day))
            .orElseThrow(() -> Problem.notFound("No decision " + id + "."));
    return DecisionJson.of(s.decision(), s.state(), day);
  }

  @ApiResponse(
      responseCode = "201",
      description = "Recorded; its orders take effect from its effective date",
      content = @Content(schema = @Schema(implementation = DecisionJson.class)))
  @PostMapping
  ResponseEntity<DecisionJson> record(Caller caller, @Valid @RequestBody DecisionRequest request) {
    NewDecision d = request.toDecision();
    Decision recorded = DecisionForms.recorded(decisions.record(caller, d));
    LocalDate today = decisions.today();
    return ResponseEntity.created(URI.create(BASE + "/" + recorded.id()))
        .body(
            DecisionJson.of(
                recorded, decisions.find(recorded.id(), today).orElseThrow().state(), today));
  }

  /** One order of a decision to record: a status change, or a compliant zone. */
  record OrderRequest(
      @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be a participant's code")
          String participant,
      @Nullable StatusChangeType change,
      @Nullable @Size(min = 1, max = DecisionOrder.ZoneDeclaration.MAX_ZONE) String zone) {}

  record DecisionRequest(
      @NotBlank @Size(max = 60) String number,
      @NotBlank @Size(max = NewDecision.MAX_TITLE) String title,
      @NotNull DecisionBody body,
      @NotNull LocalDate adoptedOn,
      @NotNull LocalDate effectiveOn,
      @NotBlank @Size(max = NewDecision.MAX_TEXT) String text,
      @Nullable @Size(max = NewDecision.MAX_CONCERNED)
          List<@Pattern(regexp = "[A-Z]{2}", message = "must be a participant's code") String>
              participants,
      @Nullable @Size(max = NewDecision.MAX_ORDERS) List<@Valid @NotNull OrderRequest> orders,
      @Nullable UUID recommendation,
      @Nullable @Size(max = NewDecision.MAX_SOURCE) String source) {

    NewDecision toDecision() {
      DecisionNumber n;
      try {
        n = DecisionNumber.of(number.strip());
      } catch (IllegalArgumentException e) {
        throw Problem.invalid("number", String.valueOf(e.getMessage()));
      }
      List<DecisionOrder> given = new ArrayList<>();
      List<FieldError> errors = new ArrayList<>();
      List<OrderRequest> asked = orders == null ? List.of() : orders;
      for (int i = 0; i < asked.size(); i++) {
        OrderRequest o = asked.get(i);
        ParticipantCode code = ParticipantCode.of(o.participant());
        if ((o.change() == null) == (o.zone() == null)) {
          errors.add(
              new FieldError(
                  "orders[" + i + "]", "give either a status change or a zone, not both"));
        } else if (o.change() != null) {
          if (o.change() == StatusChangeType.ADMISSION) {
            errors.add(
                new FieldError(
                    "orders[" + i + "].change",
                    "admission is recorded on the participants list, not by this order"));
          }
          given.add(new DecisionOrder.StatusOrder(code, o.change()));
        } else {
          given.add(
              new DecisionOrder.ZoneDeclaration(code, java.util.Objects.requireNonNull(o.zone())));
        }
      }
      if (!errors.isEmpty()) {
        throw Problem.invalid("The decision's orders cannot be read as given.", errors);
      }
      return new NewDecision(
          n,
          title,
          body,
          adoptedOn,
          effectiveOn,
          DatePrecision.DAY,
          text,
          participants == null
              ? List.of()
              : participants.stream().map(ParticipantCode::of).toList(),
          given,
          recommendation,
          source);
    }
  }

  /** One order as recorded, with the registry record it became. */
  record OrderJson(
      ParticipantCode participant,
      @Nullable StatusChangeType change,
      @Nullable String zone,
      String registryRecord) {
    static OrderJson of(AppliedOrder a) {
      return switch (a.order()) {
        case DecisionOrder.StatusOrder s ->
            new OrderJson(s.participant(), s.change(), null, a.registryRecord());
        case DecisionOrder.ZoneDeclaration z ->
            new OrderJson(z.participant(), null, z.zone(), a.registryRecord());
      };
    }
  }

  record DecisionJson(
      UUID id,
      String number,
      String title,
      DecisionBody body,
      LocalDate adoptedOn,
      LocalDate effectiveOn,
      DatePrecision precision,
      String text,
      List<ParticipantCode> participants,
      List<OrderJson> orders,
      @Nullable UUID recommendation,
      @Nullable String source,
      Instant recordedAt,
      @Schema(description = "Where the decision stands on the day asked") DecisionState state,
      LocalDate stateOn,
      @Schema(description = "The decision's record in the transparency log") String logRecord) {
    static DecisionJson of(Decision d, DecisionState state, LocalDate on) {
      return new DecisionJson(
          d.id(),
          d.number().value(),
          d.title(),
          d.body(),
          d.adoptedOn(),
          d.effectiveOn(),
          d.precision(),
          d.text(),
          d.concerned(),
          d.orders().stream().map(OrderJson::of).toList(),
          d.recommendation(),
          d.source(),
          d.recordedAt(),
          state,
          on,
          "/api/v1/log/records/governance.decision/" + d.id() + "/entries");
    }
  }
}

package org.kimberlite.registry.web;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.CompliantZone;
import org.kimberlite.registry.DatePrecision;
import org.kimberlite.registry.DecisionReference;
import org.kimberlite.registry.Participant;
import org.kimberlite.registry.ParticipantDetail;
import org.kimberlite.registry.ParticipantKind;
import org.kimberlite.registry.ParticipantSummary;
import org.kimberlite.registry.Participants;
import org.kimberlite.registry.RegistryRecords;
import org.kimberlite.registry.SeedSource;
import org.kimberlite.registry.Standing;
import org.kimberlite.registry.StatusChange;
import org.kimberlite.registry.StatusChangeType;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.problem.Problem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The KP participants list: public reads, secretariat writes. */
@RestController
@RequestMapping("/api/v1")
class ParticipantApi {
  private final Participants participants;

  ParticipantApi(Participants participants) {
    this.participants = participants;
  }

  @GetMapping("/participants")
  List<ParticipantJson> list(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate on) {
    LocalDate day = on == null ? participants.today() : on;
    return participants.list(day).stream().map(ParticipantJson::of).toList();
  }

  @GetMapping("/participants/{code}")
  DetailJson get(@PathVariable String code) {
    return DetailJson.of(
        RegistryProblems.code(code)
            .flatMap(participants::detail)
            .orElseThrow(() -> RegistryProblems.noParticipant(code)));
  }

  @GetMapping("/participants/{code}/standing")
  StandingJson standing(
      @PathVariable String code,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate on) {
    LocalDate day = on == null ? participants.today() : on;
    return StandingJson.of(
        RegistryProblems.code(code)
            .flatMap(c -> participants.standing(c, day))
            .orElseThrow(() -> RegistryProblems.noParticipant(code)));
  }

  @GetMapping("/countries/{country}")
  Map<String, String> country(@PathVariable String country) {
    ParticipantCode participant =
        (CountryCode.isValid(country)
                ? participants.participantForCountry(CountryCode.of(country))
                : Optional.<ParticipantCode>empty())
            .orElseThrow(
                () ->
                    Problem.notFound(
                        country + " is not a KP participant nor a member state of one."));
    return Map.of(
        "country", country.toUpperCase(java.util.Locale.ROOT), "participant", participant.code());
  }

  @GetMapping("/registry/sources")
  List<SeedSource> sources() {
    return participants.sources();
  }

  @ApiResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = DetailJson.class)))
  @PostMapping("/participants")
  ResponseEntity<DetailJson> admit(Caller caller, @Valid @RequestBody AdmitRequest request) {
    ParticipantDetail detail =
        RegistryProblems.recorded(
            participants.admit(
                caller,
                new Participant(
                    ParticipantCode.of(request.code()),
                    request.name().strip(),
                    request.kind() == null ? ParticipantKind.PARTICIPANT : request.kind(),
                    request.note()),
                request.admittedOn(),
                request.reason()),
            request.code());
    return ResponseEntity.created(URI.create("/api/v1/participants/" + request.code()))
        .body(DetailJson.of(detail));
  }

  record AdmitRequest(
      @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be two capital letters (ISO 3166-1)")
          String code,
      @NotBlank @Size(max = 200) String name,
      @Nullable ParticipantKind kind,
      @NotNull LocalDate admittedOn,
      @NotBlank @Size(max = 2000) String reason,
      @Nullable @Size(max = 1000) String note) {}

  record ParticipantJson(
      ParticipantCode code,
      String name,
      ParticipantKind kind,
      String status,
      @Nullable LocalDate statusSince,
      boolean inGoodStanding) {
    static ParticipantJson of(ParticipantSummary s) {
      return new ParticipantJson(
          s.participant().code(),
          s.participant().name(),
          s.participant().kind(),
          statusName(s.standing()),
          s.standing().since(),
          s.standing().inGoodStanding());
    }
  }

  record StandingJson(
      ParticipantCode participant,
      LocalDate on,
      String status,
      @Nullable LocalDate since,
      boolean isParticipant,
      boolean inGoodStanding,
      List<String> compliantZones,
      @Schema(description = "The KP decision behind the status in force that day")
          @Nullable DecisionReference decision) {
    static StandingJson of(Standing s) {
      return new StandingJson(
          s.participant(),
          s.on(),
          statusName(s),
          s.since(),
          s.isParticipant(),
          s.inGoodStanding(),
          s.compliantZones(),
          s.decision());
    }
  }

  record ChangeJson(
      @Nullable String logRecord,
      StatusChangeType type,
      String status,
      LocalDate effectiveOn,
      DatePrecision precision,
      String reason,
      @Nullable String source,
      Instant recordedAt,
      String recordedBy,
      @Schema(description = "The KP decision that ordered the change")
          @Nullable DecisionReference decision) {
    static ChangeJson of(StatusChange c) {
      return new ChangeJson(
          c.id() == null
              ? null
              : "/api/v1/log/records/" + RegistryRecords.STATUS_CHANGE + "/" + c.id() + "/entries",
          c.type(),
          c.status().name(),
          c.effectiveOn(),
          c.precision(),
          c.reason(),
          c.source(),
          c.recordedAt(),
          c.recordedBy(),
          c.decision());
    }
  }

  record MemberStateJson(CountryCode code, String name) {}

  record DetailJson(
      ParticipantCode code,
      String name,
      ParticipantKind kind,
      @Nullable String note,
      String status,
      @Nullable LocalDate statusSince,
      boolean inGoodStanding,
      List<MemberStateJson> memberStates,
      List<ChangeJson> history,
      List<CompliantZone> compliantZones) {
    static DetailJson of(ParticipantDetail d) {
      return new DetailJson(
          d.participant().code(),
          d.participant().name(),
          d.participant().kind(),
          d.participant().note(),
          statusName(d.current()),
          d.current().since(),
          d.current().inGoodStanding(),
          d.memberStates().entrySet().stream()
              .map(e -> new MemberStateJson(e.getKey(), e.getValue()))
              .toList(),
          d.history().stream().map(ChangeJson::of).toList(),
          d.compliantZones());
    }
  }

  static String statusName(Standing standing) {
    return standing.status() == null ? "NOT_A_PARTICIPANT" : standing.status().name();
  }
}

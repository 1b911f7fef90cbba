package org.kimberlite.governance.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.Body;
import org.kimberlite.governance.Membership;
import org.kimberlite.governance.MembershipChange;
import org.kimberlite.governance.Memberships;
import org.kimberlite.governance.Seat;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.problem.Problem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seats on the KP working bodies (docs/governance.md): public to read, appointed and ended by the
 * secretariat.
 */
@RestController
@RequestMapping(MembershipApi.BASE)
class MembershipApi {
  static final String BASE = "/api/v1/governance/memberships";

  private final Memberships memberships;

  MembershipApi(Memberships memberships) {
    this.memberships = memberships;
  }

  @GetMapping
  List<MembershipJson> list() {
    return memberships.list().stream().map(MembershipJson::of).toList();
  }

  @PostMapping
  ResponseEntity<MembershipJson> appoint(
      Caller caller, @Valid @RequestBody AppointRequest request) {
    ParticipantCode concerning =
        request.participant() == null ? null : ParticipantCode.of(request.participant());
    return switch (memberships.appoint(
        caller, request.body(), concerning, request.organisationId(), request.seat())) {
      case MembershipChange.Recorded r ->
          ResponseEntity.created(URI.create(BASE + "/" + r.membership().id()))
              .body(MembershipJson.of(r.membership()));
      case MembershipChange.Ended e -> throw new IllegalStateException("appointing ended a seat");
      case MembershipChange.NotAllowed n ->
          throw Problem.forbidden("Only the KP secretariat appoints members of working bodies.");
      case MembershipChange.Unknown u ->
          throw Problem.invalid(field(u.what()), "no such " + u.what());
      case MembershipChange.Refused r -> throw Problem.invalid(r.field(), r.message());
    };
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> end(Caller caller, @PathVariable String id) {
    long seat;
    try {
      seat = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw Problem.notFound("membership " + id);
    }
    return switch (memberships.end(caller, seat)) {
      case MembershipChange.Ended e -> ResponseEntity.noContent().build();
      case MembershipChange.Recorded r -> throw new IllegalStateException("ending recorded a seat");
      case MembershipChange.NotAllowed n ->
          throw Problem.forbidden("Only the KP secretariat ends seats on working bodies.");
      case MembershipChange.Unknown u -> throw Problem.notFound(u.what());
      case MembershipChange.Refused r -> throw Problem.invalid(r.field(), r.message());
    };
  }

  private static String field(String what) {
    return what.startsWith("participant") ? "participant" : "organisationId";
  }

  record AppointRequest(
      @NotNull Body body,
      @Nullable @Pattern(regexp = "[A-Z]{2}", message = "must be a participant's code")
          String participant,
      @NotNull UUID organisationId,
      @NotNull Seat seat) {}

  record MembershipJson(
      long id,
      Body body,
      @Nullable ParticipantCode participant,
      UUID organisationId,
      String organisationName,
      Seat seat,
      Instant appointedAt) {
    static MembershipJson of(Membership m) {
      return new MembershipJson(
          m.id(),
          m.body(),
          m.concerning(),
          m.organisationId(),
          m.organisationName(),
          m.seat(),
          m.appointedAt());
    }
  }
}

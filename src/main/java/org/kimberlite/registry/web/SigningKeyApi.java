package org.kimberlite.registry.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.Jwk;
import org.kimberlite.registry.KeyChange;
import org.kimberlite.registry.KeyStatus;
import org.kimberlite.registry.Organisation;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.registry.SigningKey;
import org.kimberlite.registry.SigningKeys;
import org.kimberlite.shared.ParticipantCode;
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
 * Authority signing keys: the secretariat sees every authority's keys, an authority its own; an
 * authority's administrator rotates its key and revokes its own keys.
 */
@RestController
@RequestMapping("/api/v1/signing-keys")
class SigningKeyApi {
  private final SigningKeys keys;
  private final Organisations organisations;

  SigningKeyApi(SigningKeys keys, Organisations organisations) {
    this.keys = keys;
    this.organisations = organisations;
  }

  /** The secretariat: every key (of one participant); an authority: its own keys. */
  @GetMapping
  List<KeyJson> list(Caller caller, @RequestParam(required = false) @Nullable String participant) {
    if (!caller.hasAny(OrganisationRole.KP_SECRETARIAT, OrganisationRole.KP_AUTHORITY)) {
      throw RegistryProblems.roleRequired(
          Set.of(OrganisationRole.KP_SECRETARIAT, OrganisationRole.KP_AUTHORITY));
    }
    List<SigningKey> visible =
        caller.has(OrganisationRole.KP_SECRETARIAT)
            ? keys.all()
            : keys.keysOf(caller.organisationId());
    Map<UUID, String> names =
        organisations.directory().stream()
            .collect(Collectors.toMap(Organisation::id, Organisation::name, (a, b) -> a));
    return visible.stream()
        .filter(k -> participant == null || participant.equalsIgnoreCase(k.participant().code()))
        .map(k -> json(k, id -> names.getOrDefault(id, "")))
        .toList();
  }

  @GetMapping("/{kid}")
  KeyJson get(Caller caller, @PathVariable String kid) {
    return json(visible(caller, kid), this::name);
  }

  /** Rotates the caller's authority's key: 201 with the new key. */
  @ApiResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = KeyJson.class)))
  @PostMapping("/rotation")
  ResponseEntity<KeyJson> rotate(Caller caller) {
    SigningKey created = changed(keys.rotate(caller));
    return ResponseEntity.created(URI.create("/api/v1/signing-keys/" + created.kid()))
        .body(json(created, this::name));
  }

  /** Revokes one of the caller's authority's keys; another's is "not found". */
  @PostMapping("/{kid}/revocation")
  KeyJson revoke(
      Caller caller, @PathVariable String kid, @Valid @RequestBody RevocationRequest request) {
    return json(
        changed(keys.revoke(caller, kid, request.reason(), request.compromisedAt())), this::name);
  }

  /** The key changed, or the problem that answers why not. */
  static SigningKey changed(KeyChange change) {
    return switch (change) {
      case KeyChange.Changed c -> c.key();
      case KeyChange.Refused r -> throw RegistryProblems.refused(List.of(r.breach()));
      case KeyChange.NotAllowed n -> throw RegistryProblems.roleRequired(n.anyOf());
      case KeyChange.NotAnAdministrator n ->
          throw Problem.forbidden("Only an administrator of the authority may change its keys.");
      case KeyChange.UnknownOrganisation u ->
          throw Problem.notFound("No organisation " + u.organisationId() + ".");
      case KeyChange.NotAnAuthority n ->
          throw Problem.forbidden(
              "Only a KP authority holds signing keys; " + n.organisation() + " is not one.");
      case KeyChange.NoParticipant n ->
          throw Problem.rule(
              "registry/no-participant",
              "No KP participant",
              "The authority " + n.organisation() + " belongs to no KP participant.");
      case KeyChange.NotYours n ->
          throw Problem.notFound("No signing key " + n.kid() + " of yours.");
      case KeyChange.AlreadyRevoked a ->
          throw Problem.conflict(
              "registry/key-already-revoked",
              "The key " + a.kid() + " was revoked on " + a.revokedAt() + ".");
      case KeyChange.ChangedMeanwhile c ->
          throw Problem.conflict("concurrent-change", "The key changed meanwhile; try again.");
    };
  }

  private SigningKey visible(Caller caller, String kid) {
    return keys.find(kid)
        .filter(
            k ->
                caller.has(OrganisationRole.KP_SECRETARIAT)
                    || caller.organisationId().equals(k.organisationId()))
        .orElseThrow(() -> Problem.notFound("No signing key " + kid + " you may see."));
  }

  private String name(UUID organisationId) {
    return organisations
        .directoryEntry(organisationId)
        .map(Organisation::name)
        .orElseThrow(() -> Problem.notFound("No organisation " + organisationId + "."));
  }

  private KeyJson json(SigningKey k, Function<UUID, String> names) {
    return new KeyJson(
        k.kid(),
        k.organisationId(),
        names.apply(k.organisationId()),
        k.participant(),
        Jwk.publicJwk(k.publicKey()),
        k.status(),
        k.createdAt(),
        k.retiredAt(),
        k.revokedAt(),
        k.status() == KeyStatus.REVOKED ? keys.revocationReason(k.kid()).orElse(null) : null,
        k.compromisedAt());
  }

  /**
   * A revocation: why, and optionally from when the key is compromised (signatures shown to be
   * older still verify, marked); without it every signature of the key is refused.
   */
  record RevocationRequest(
      @NotBlank @Size(max = 500) String reason, @Nullable Instant compromisedAt) {}

  record KeyJson(
      String kid,
      UUID organisationId,
      String organisation,
      ParticipantCode participant,
      Map<String, String> jwk,
      KeyStatus status,
      Instant createdAt,
      @Nullable Instant retiredAt,
      @Nullable Instant revokedAt,
      @Nullable String revocationReason,
      @Nullable Instant compromisedAt) {}
}

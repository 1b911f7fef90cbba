package org.kimberlite.registry.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.ApiToken;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.IssuedToken;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API tokens for machine clients. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthApi {
  private final Accounts accounts;

  AuthApi(Accounts accounts) {
    this.accounts = accounts;
  }

  /** Exchanges a username and password for a bearer token, shown in this answer only. */
  @PostMapping("/token")
  ResponseEntity<TokenJson> token(@Valid @RequestBody TokenRequest request) {
    IssuedToken issued =
        accounts.issueToken(
            request.username(), request.password(), request.label(), request.expiresInDays());
    ApiToken t = issued.token();
    return ResponseEntity.status(201)
        .header("Cache-Control", "no-store")
        .body(
            new TokenJson(
                issued.secret(), "Bearer", t.id(), t.label(), t.organisationId(), t.expiresAt()));
  }

  @GetMapping("/tokens")
  List<ApiToken> tokens(Caller caller) {
    return accounts.tokens(caller);
  }

  @DeleteMapping("/tokens/{id}")
  ResponseEntity<Void> revoke(Caller caller, @PathVariable UUID id) {
    accounts.revokeToken(caller, id);
    return ResponseEntity.noContent().build();
  }

  record TokenRequest(
      @NotBlank @Size(max = 100) String username,
      @NotBlank @Size(max = 200) String password,
      @Nullable @Size(max = 100) String label,
      @Nullable Integer expiresInDays) {}

  record TokenJson(
      String token,
      String tokenType,
      UUID id,
      String label,
      UUID organisationId,
      Instant expiresAt) {}
}

package org.kimberlite.registry.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
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
import org.kimberlite.registry.TokenIssue;
import org.kimberlite.registry.internal.LoginThrottle;
import org.kimberlite.shared.PrintableText;
import org.kimberlite.shared.problem.Problem;
import org.kimberlite.shared.problem.RetryLater;
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
  static final int MAX_USERNAME = 100;
  static final int MAX_LABEL = 100;

  private final Accounts accounts;
  private final LoginThrottle throttle;

  AuthApi(Accounts accounts, LoginThrottle throttle) {
    this.accounts = accounts;
    this.throttle = throttle;
  }

  /**
   * Exchanges a username and password for a bearer token, shown in this answer only. Repeated
   * failures for an account or from an address are throttled (429 with Retry-After) before the
   * password is even checked.
   */
  @ApiResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = TokenJson.class)))
  @PostMapping("/token")
  ResponseEntity<TokenJson> token(
      @Valid @RequestBody TokenRequest request, HttpServletRequest http) {
    PrintableText.requireIdentifier("username", request.username(), MAX_USERNAME);
    if (request.label() != null) {
      PrintableText.requireIdentifier("label", request.label(), MAX_LABEL);
    }
    String address = http.getRemoteAddr();
    throttle
        .wait(request.username(), address)
        .ifPresent(
            wait -> {
              throw new RetryLater(
                  "Too many failed sign-ins for this account or from this address; try again in "
                      + Math.max(1, wait.toSeconds())
                      + " seconds.",
                  wait);
            });
    IssuedToken issued =
        switch (accounts.issueToken(
            request.username(), request.password(), request.label(), request.expiresInDays())) {
          case TokenIssue.Issued i -> i.token();
          case TokenIssue.Refused r -> throw RegistryProblems.refused(List.of(r.breach()));
          case TokenIssue.BadCredentials b -> {
            throttle.failed(request.username(), address);
            throw Problem.unauthorized("Unknown username or wrong password.");
          }
        };
    throttle.succeeded(request.username());
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

  @ApiResponse(responseCode = "204", description = "Done; no body")
  @DeleteMapping("/tokens/{id}")
  ResponseEntity<Void> revoke(Caller caller, @PathVariable UUID id) {
    if (!accounts.revokeToken(caller, id)) {
      throw Problem.notFound("No live token " + id + " in your organisation.");
    }
    return ResponseEntity.noContent().build();
  }

  record TokenRequest(
      @NotBlank @Size(max = 100) String username,
      @NotBlank @Size(max = 200) String password,
      @Nullable @Size(max = 100) String label,
      @Nullable Integer expiresInDays) {
    /** Never the password: Spring logs a request body's text at debug level. */
    @Override
    public String toString() {
      return "TokenRequest[username=" + username + ", password=(redacted)]";
    }
  }

  record TokenJson(
      String token,
      String tokenType,
      UUID id,
      String label,
      UUID organisationId,
      Instant expiresAt) {
    /** Never the token: Spring logs a response body's text at debug level. */
    @Override
    public String toString() {
      return "TokenJson[id=" + id + ", token=(redacted)]";
    }
  }
}

package org.kimberlite.registry.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.Account;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.NewAccount;
import org.kimberlite.registry.NewOrganisation;
import org.kimberlite.registry.Organisation;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.registry.RjcCertification;
import org.kimberlite.registry.SowRegistration;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.InvalidInput;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Organisations and their accounts. */
@RestController
@RequestMapping("/api/v1")
class OrganisationApi {
  private final Organisations organisations;
  private final Accounts accounts;

  OrganisationApi(Organisations organisations, Accounts accounts) {
    this.organisations = organisations;
    this.accounts = accounts;
  }

  @GetMapping("/me")
  MeJson me(Caller caller) {
    return new MeJson(
        caller.accountId(),
        caller.username(),
        caller.organisationId(),
        caller.organisationName(),
        caller.roles(),
        caller.participant(),
        caller.admin());
  }

  /** The directory of registered organisations: public fields only. */
  @GetMapping("/organisations")
  List<DirectoryJson> directory(Caller caller) {
    return organisations.directory().stream().map(DirectoryJson::of).toList();
  }

  /** An organisation's full record: only for its own accounts. */
  @GetMapping("/organisations/{id}")
  OrganisationJson get(Caller caller, @PathVariable UUID id) {
    return OrganisationJson.of(
        organisations
            .own(caller, id)
            .orElseThrow(() -> RegistryProblems.noOrganisationOfYours(id)));
  }

  @ApiResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = OrganisationJson.class)))
  @PostMapping("/organisations")
  ResponseEntity<OrganisationJson> register(
      Caller caller, @Valid @RequestBody RegisterRequest request) {
    Organisation created =
        RegistryProblems.organisation(
            organisations.register(
                caller,
                new NewOrganisation(
                    request.name(),
                    country(request.country()),
                    request.roles(),
                    request.sow() == null ? null : request.sow().toDomain(),
                    request.rjc() == null ? null : request.rjc().toDomain())));
    return ResponseEntity.created(URI.create("/api/v1/organisations/" + created.id()))
        .body(OrganisationJson.of(created));
  }

  /** The country as given (any case, surrounding space), or the 422 naming the field. */
  private static CountryCode country(String given) {
    String code = given.strip();
    if (!CountryCode.isValid(code)) {
      throw Problem.invalid(
          "The organisation cannot be registered as given.",
          List.of(new FieldError("country", "must be an ISO 3166-1 alpha-2 country code")));
    }
    return CountryCode.of(code);
  }

  @PutMapping("/organisations/{id}/compliance")
  OrganisationJson compliance(
      Caller caller, @PathVariable UUID id, @Valid @RequestBody ComplianceRequest request) {
    return OrganisationJson.of(
        RegistryProblems.organisation(
            organisations.updateCompliance(
                caller,
                id,
                request.version(),
                request.sow() == null ? null : request.sow().toDomain(),
                request.rjc() == null ? null : request.rjc().toDomain())));
  }

  @GetMapping("/organisations/{id}/accounts")
  List<Account> accounts(Caller caller, @PathVariable UUID id) {
    return accounts
        .accounts(caller, id)
        .orElseThrow(() -> RegistryProblems.noOrganisationOfYours(id));
  }

  @ApiResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = org.kimberlite.registry.Account.class)))
  @PostMapping("/organisations/{id}/accounts")
  ResponseEntity<Account> createAccount(
      Caller caller, @PathVariable UUID id, @Valid @RequestBody AccountRequest request) {
    Account account =
        RegistryProblems.account(
            accounts.createAccount(
                caller,
                id,
                new NewAccount(
                    request.username(),
                    request.displayName(),
                    request.password(),
                    request.admin())));
    return ResponseEntity.status(201).body(account);
  }

  record SowJson(@NotBlank @Size(max = 100) String id, @NotNull LocalDate renewalDue) {
    SowRegistration toDomain() {
      return new SowRegistration(id.strip(), renewalDue);
    }
  }

  record RjcJson(
      @NotBlank @Size(max = 100) String number,
      @NotNull LocalDate validFrom,
      @Min(1) @Max(3) int termYears) {
    RjcCertification toDomain() {
      try {
        return new RjcCertification(number.strip(), validFrom, termYears);
      } catch (InvalidInput e) {
        throw Problem.invalid(
            "RJC certifications are issued for one or three years.",
            List.of(new FieldError(e.field(), e.reason())));
      }
    }
  }

  record RegisterRequest(
      @NotBlank @Size(max = 300) String name,
      @NotBlank @Size(min = 2, max = 2) String country,
      @NotEmpty Set<OrganisationRole> roles,
      @Valid @Nullable SowJson sow,
      @Valid @Nullable RjcJson rjc) {}

  record ComplianceRequest(
      @Min(0) long version, @Valid @Nullable SowJson sow, @Valid @Nullable RjcJson rjc) {}

  record AccountRequest(
      @NotBlank String username,
      @NotBlank String displayName,
      @NotBlank String password,
      boolean admin) {
    /** Never the password: Spring logs a request body's text at debug level. */
    @Override
    public String toString() {
      return "AccountRequest[username=" + username + ", password=(redacted)]";
    }
  }

  record MeJson(
      UUID accountId,
      String username,
      UUID organisationId,
      String organisationName,
      Set<OrganisationRole> roles,
      @Nullable ParticipantCode participant,
      boolean admin) {}

  record DirectoryJson(
      UUID id,
      String name,
      CountryCode country,
      @Nullable ParticipantCode participant,
      Set<OrganisationRole> roles) {
    static DirectoryJson of(Organisation o) {
      return new DirectoryJson(o.id(), o.name(), o.country(), o.participant(), o.roles());
    }
  }

  record RjcOut(String number, LocalDate validFrom, int termYears, LocalDate validUntil) {}

  record OrganisationJson(
      UUID id,
      String name,
      CountryCode country,
      @Nullable ParticipantCode participant,
      Set<OrganisationRole> roles,
      @Nullable SowRegistration sow,
      @Nullable RjcOut rjc,
      long version) {
    static OrganisationJson of(Organisation o) {
      RjcCertification rjc = o.rjc();
      return new OrganisationJson(
          o.id(),
          o.name(),
          o.country(),
          o.participant(),
          o.roles(),
          o.sow(),
          rjc == null
              ? null
              : new RjcOut(rjc.number(), rjc.validFrom(), rjc.termYears(), rjc.validUntil()),
          o.version());
    }
  }
}

package org.kimberlite.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.internal.AccountRepository;
import org.kimberlite.registry.internal.OrganisationRepository;
import org.kimberlite.registry.internal.TokenRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and API tokens: sign-in, token issue and revocation, accounts of an organisation. */
@Service
public class Accounts {
  static final String TOKEN_PREFIX = "kbl_";
  static final int MIN_PASSWORD = 12;
  static final int MAX_TOKEN_DAYS = 365;

  private final AccountRepository accounts;
  private final OrganisationRepository organisations;
  private final TokenRepository tokens;
  private final PasswordEncoder encoder;
  private final Clock clock;
  private final AuditTrail audit;
  private final SecureRandom random = new SecureRandom();
  private final String dummyHash;

  public Accounts(
      AccountRepository accounts,
      OrganisationRepository organisations,
      TokenRepository tokens,
      PasswordEncoder encoder,
      Clock clock,
      AuditTrail audit) {
    this.audit = audit;
    this.accounts = accounts;
    this.organisations = organisations;
    this.tokens = tokens;
    this.encoder = encoder;
    this.clock = clock;
    this.dummyHash = encoder.encode("not-a-password-" + UUID.randomUUID());
  }

  /** The caller for a username and password, or empty; costs the same whether the user exists. */
  @Transactional(readOnly = true)
  public Optional<Caller> signIn(String username, String password) {
    Optional<AccountRepository.Credentials> credentials = accounts.credentials(normalise(username));
    String hash = credentials.map(AccountRepository.Credentials::passwordHash).orElse(dummyHash);
    boolean matches = encoder.matches(password, hash);
    if (credentials.isEmpty() || !matches || !credentials.get().account().enabled()) {
      return Optional.empty();
    }
    return callerFor(credentials.get().account());
  }

  /** The caller an account acts as, with its organisation's roles and participant. */
  @Transactional(readOnly = true)
  public Optional<Caller> callerFor(Account account) {
    return organisations
        .findForAuthentication(account.organisationId())
        .map(
            o ->
                new Caller(
                    account.id(),
                    account.username(),
                    o.id(),
                    o.name(),
                    o.roles(),
                    o.participant(),
                    account.admin()));
  }

  /** Issues a bearer token for a username and password (shown once). */
  @Transactional
  public TokenIssue issueToken(
      String username, String password, @Nullable String label, @Nullable Integer days) {
    int validity = days == null ? 90 : days;
    if (validity < 1 || validity > MAX_TOKEN_DAYS) {
      return new TokenIssue.Refused(
          RuleBreach.invalid("expiresInDays", "must be between 1 and " + MAX_TOKEN_DAYS));
    }
    Optional<Caller> signedIn = signIn(username, password);
    if (signedIn.isEmpty()) {
      return new TokenIssue.BadCredentials();
    }
    Caller caller = signedIn.get();
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    ApiToken token =
        new ApiToken(
            UUID.randomUUID(),
            caller.accountId(),
            caller.organisationId(),
            label == null || label.isBlank() ? "api" : label.strip(),
            now,
            now.plus(Duration.ofDays(validity)),
            null);
    tokens.insert(token, sha256(secret));
    audit.record(
        caller,
        "token.issue",
        token.id().toString(),
        Participants.details("label", token.label(), "expiresAt", token.expiresAt().toString()));
    return new TokenIssue.Issued(new IssuedToken(token, secret));
  }

  /** The caller a live bearer token stands for. */
  @Transactional(readOnly = true)
  public Optional<Caller> authenticateToken(String secret) {
    if (!secret.startsWith(TOKEN_PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    return tokens
        .accountOfLiveToken(sha256(secret), clock.instant())
        .flatMap(accounts::findForAuthentication)
        .filter(Account::enabled)
        .flatMap(this::callerFor);
  }

  @Transactional(readOnly = true)
  public List<ApiToken> tokens(Caller caller) {
    return tokens.ofOwnOrganisation(caller);
  }

  /** Revokes a live token of the caller's organisation; false when there is no such token. */
  @Transactional
  public boolean revokeToken(Caller caller, UUID id) {
    if (tokens.revoke(caller, id, clock.instant()) == 0) {
      return false;
    }
    audit.record(caller, "token.revocation", id.toString(), Map.of());
    return true;
  }

  /** The accounts of an organisation: only the caller's own (anyone else's is absent). */
  @Transactional(readOnly = true)
  public Optional<List<Account>> accounts(Caller caller, UUID organisationId) {
    if (!caller.organisationId().equals(organisationId)) {
      return Optional.empty();
    }
    return Optional.of(accounts.ofOwnOrganisation(caller));
  }

  /** Creates an account in the caller's own organisation; needs an administrator. */
  @Transactional
  public AccountCreation createAccount(Caller caller, UUID organisationId, NewAccount request) {
    if (!caller.organisationId().equals(organisationId)) {
      return new AccountCreation.NotFound(organisationId);
    }
    if (!caller.admin()) {
      return new AccountCreation.NotAnAdministrator();
    }
    AccountCreation outcome = attemptCreate(organisationId, request);
    if (outcome instanceof AccountCreation.Created created) {
      audit.record(
          caller,
          "account.creation",
          created.account().id().toString(),
          Participants.details(
              "username",
              created.account().username(),
              "admin",
              Boolean.toString(created.account().admin())));
    }
    return outcome;
  }

  /**
   * Creates an account without a caller: for seeding and the first administrator.
   *
   * @throws IllegalArgumentException when the request is refused
   */
  @Transactional
  public Account create(UUID organisationId, NewAccount request) {
    return created(attemptCreate(organisationId, request));
  }

  private static Account created(AccountCreation creation) {
    return switch (creation) {
      case AccountCreation.Created c -> c.account();
      case AccountCreation.Refused r -> throw new IllegalArgumentException(r.breaches().toString());
      case AccountCreation.UsernameTaken t ->
          throw new IllegalArgumentException("The username " + t.username() + " is taken.");
      case AccountCreation.NotFound n ->
          throw new IllegalArgumentException("No organisation " + n.id() + ".");
      case AccountCreation.NotAnAdministrator n -> throw new IllegalStateException("no caller");
    };
  }

  /** An account to create in an organisation, for {@link #createAll}. */
  public record NewSeedAccount(UUID organisationId, NewAccount request) {}

  /**
   * Creates accounts without a caller, for seeding, as {@link #create} does one by one; their
   * passwords are hashed side by side first (each hash costs tens of milliseconds of processor).
   *
   * @throws IllegalArgumentException when a request is refused (nothing is created then)
   */
  @Transactional
  public List<Account> createAll(List<NewSeedAccount> seeds) {
    List<String> hashes =
        seeds.parallelStream().map(s -> encoder.encode(s.request().password())).toList();
    List<Account> out = new ArrayList<>();
    for (int i = 0; i < seeds.size(); i++) {
      NewSeedAccount seed = seeds.get(i);
      out.add(created(attemptCreate(seed.organisationId(), seed.request(), hashes.get(i))));
    }
    return out;
  }

  private AccountCreation attemptCreate(UUID organisationId, NewAccount request) {
    return attemptCreate(organisationId, request, null);
  }

  /** As a creation asks, with the password's hash when it was computed already. */
  private AccountCreation attemptCreate(
      UUID organisationId, NewAccount request, @Nullable String passwordHash) {
    String username = normalise(request.username());
    List<RuleBreach> errors = new ArrayList<>();
    if (!username.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
      errors.add(
          accountBreach(
              "username", "3 to 64 characters: letters, digits, dot, dash or underscore"));
    }
    if (request.password().length() < MIN_PASSWORD || request.password().length() > 200) {
      errors.add(
          accountBreach("password", "must have between " + MIN_PASSWORD + " and 200 characters"));
    }
    if (request.displayName().isBlank()) {
      errors.add(accountBreach("displayName", "must not be blank"));
    }
    if (!errors.isEmpty()) {
      return new AccountCreation.Refused(errors);
    }
    if (accounts.usernameTaken(username)) {
      return new AccountCreation.UsernameTaken(username);
    }
    Account account =
        new Account(
            UUID.randomUUID(),
            organisationId,
            username,
            request.displayName().strip(),
            request.admin(),
            true);
    accounts.insert(
        account,
        passwordHash == null ? encoder.encode(request.password()) : passwordHash,
        clock.instant());
    return new AccountCreation.Created(account);
  }

  private static RuleBreach accountBreach(String field, String message) {
    return new RuleBreach(
        RuleBreach.Rule.INVALID_INPUT, field, message, "The account cannot be created as given.");
  }

  static String normalise(String username) {
    return username.strip().toLowerCase(Locale.ROOT);
  }

  static String sha256(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

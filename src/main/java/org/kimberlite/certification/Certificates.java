package org.kimberlite.certification;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.internal.CertificateRepository;
import org.kimberlite.certification.internal.CertificateRepository.Stored;
import org.kimberlite.certification.internal.CertificateRepository.Viewer;
import org.kimberlite.certification.internal.RejectionLog;
import org.kimberlite.certification.internal.TradeAggregates;
import org.kimberlite.certification.internal.ValueReferences;
import org.kimberlite.ledger.Commitment;
import org.kimberlite.ledger.Receipt;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.Organisation;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.registry.Participants;
import org.kimberlite.registry.Signatures;
import org.kimberlite.registry.Standing;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.json.CanonicalJson;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KP certificate lifecycle: issue (sign and commit), confirm import, cancel, expire. Every
 * write checks KP-01 to KP-11; a refusal names the rules broken, changes nothing and is kept on
 * record; every accepted write is signed by the authority that made it and committed to the
 * transparency log in the same transaction.
 */
@Service
public class Certificates {
  public static final String CERTIFICATE_JWS_TYPE = "kp-certificate+jws";
  public static final String STATUS_JWS_TYPE = "kp-status+jws";

  private final CertificateRepository repository;
  private final RejectionLog rejections;
  private final Participants participants;
  private final Organisations organisations;
  private final Signatures signatures;
  private final TransparencyLog log;
  private final ValueReferences references;
  private final TradeAggregates aggregates;
  private final CertificationProperties properties;
  private final Clock clock;

  public Certificates(
      CertificateRepository repository,
      RejectionLog rejections,
      Participants participants,
      Organisations organisations,
      Signatures signatures,
      TransparencyLog log,
      ValueReferences references,
      TradeAggregates aggregates,
      CertificationProperties properties,
      Clock clock) {
    this.repository = repository;
    this.rejections = rejections;
    this.participants = participants;
    this.organisations = organisations;
    this.signatures = signatures;
    this.log = log;
    this.references = references;
    this.aggregates = aggregates;
    this.properties = properties;
    this.clock = clock;
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** An issued certificate with its log receipt and the flags raised on it. */
  public record Issued(KpCertificate certificate, Receipt receipt, List<Violation> flags) {}

  /** A status change with its log receipt and flags. */
  public record Changed(KpCertificate certificate, Receipt receipt, List<Violation> flags) {}

  /** Checks a draft against the rules without issuing it (the console validates as you type). */
  @Transactional(readOnly = true)
  public KpRules.Decision check(Caller caller, IssueRequest request) {
    requireAuthority(caller);
    return KpRules.checkIssue(request, context(caller));
  }

  @Transactional
  public Issued issue(Caller caller, IssueRequest request) {
    requireAuthority(caller);
    KpRules.IssueContext context = context(caller);
    KpRules.Decision decision = KpRules.checkIssue(request, context);
    if (!decision.accepted()) {
      rejections.record("ISSUE", request.number(), caller.organisationId(), decision.violations());
      throw refused(decision.violations());
    }
    KpRules.OrganisationFacts issuer = context.issuer();
    Organisation exporter = organisations.directoryEntry(request.exporter());
    Organisation importer = organisations.directoryEntry(request.importer());
    String number =
        request.number() == null || request.number().isBlank()
            ? repository
                .nextNumber(issuer.country(), properties.firstNumber(), properties.lastNumber())
                .orElseThrow(
                    () ->
                        refused(
                            List.of(
                                new Violation(
                                    "KP-06",
                                    "number",
                                    "the authority's number range is exhausted"))))
            : request.number().strip();
    List<CertificateLine> lines = new ArrayList<>();
    for (IssueRequest.LineRequest l : request.lines()) {
      lines.add(
          new CertificateLine(
              l.hsCode().strip(),
              new BigDecimal(l.carats().strip()).setScale(2),
              new BigDecimal(l.valueUsd().strip()).setScale(2)));
    }
    List<String> countries =
        request.originCountries().stream()
            .map(s -> s.strip().toUpperCase(java.util.Locale.ROOT))
            .toList();
    String zone = request.originZone() == null ? null : request.originZone().strip();
    KpCertificate unsigned =
        new KpCertificate(
            number,
            issuer.participant(),
            new Party(issuer.id(), issuer.name(), issuer.country()),
            new Party(exporter.id(), exporter.name(), exporter.country()),
            new Party(importer.id(), importer.name(), importer.country()),
            request.importingParticipant().strip().toUpperCase(java.util.Locale.ROOT),
            new Origin(request.originKind(), countries),
            lines,
            request.parcels(),
            request.sealId().strip(),
            request.issuedOn(),
            request.expiresOn(),
            CertificateStatus.ISSUED,
            request.issuedOn(),
            "");
    String jws =
        signatures.sign(
            caller.organisationId(),
            CERTIFICATE_JWS_TYPE,
            CanonicalJson.bytes(CertificateRecords.document(unsigned, zone)));
    KpCertificate certificate = unsigned.withSignature(jws);
    Set<UUID> audience = audience(certificate);
    Instant at = now();
    repository.insert(certificate, zone, join(audience), at);
    aggregates.issued(certificate);
    for (Violation flag : decision.flags()) {
      repository.insertFinding(number, flag.rule(), flag.field() + ": " + flag.message(), at);
    }
    repository.insertEvent(
        number,
        CertificateStatus.ISSUED,
        certificate.issuedOn(),
        caller.organisationId(),
        "issued",
        jws,
        at);
    Receipt receipt =
        log.record(
            Commitment.privateRecord(
                CertificateRecords.CERTIFICATE,
                number,
                caller.organisationId().toString(),
                at,
                CertificateRecords.issued(certificate, zone),
                audience));
    return new Issued(certificate, receipt, decision.flags());
  }

  @Transactional
  public Changed confirm(Caller caller, String number, ConfirmRequest request) {
    caller.require(OrganisationRole.KP_AUTHORITY);
    Stored stored = repository.lock(number).orElseThrow(() -> unknown(number));
    KpCertificate c = stored.certificate();
    if (!c.importingParticipant().equals(caller.participant())) {
      throw Problem.forbidden(
          "Only an authority of the importing participant "
              + c.importingParticipant()
              + " confirms.");
    }
    KpRules.Decision decision = KpRules.checkConfirmation(c, request, today());
    if (!decision.accepted()) {
      rejections.record("CONFIRM", number, caller.organisationId(), decision.violations());
      throw refused(decision.violations());
    }
    String details =
        "received "
            + request.receivedOn()
            + ": "
            + c.parcels()
            + " parcels, "
            + c.carats()
            + " carats, seal "
            + (request.sealId() == null ? "(none)" : request.sealId().strip());
    aggregates.confirmed(c, request.receivedOn());
    return change(
        caller,
        stored,
        CertificateStatus.CONFIRMED,
        request.receivedOn(),
        details,
        decision.flags());
  }

  @Transactional
  public Changed cancel(Caller caller, String number, String reason) {
    caller.require(OrganisationRole.KP_AUTHORITY);
    Stored stored = repository.lock(number).orElseThrow(() -> unknown(number));
    KpCertificate c = stored.certificate();
    if (!c.issuingAuthority().organisationId().equals(caller.organisationId())) {
      throw Problem.forbidden("Only the issuing authority cancels its certificate.");
    }
    if (reason == null || reason.isBlank()) {
      throw Problem.invalid("reason", "say why the certificate is cancelled");
    }
    if (c.status() != CertificateStatus.ISSUED) {
      List<Violation> v =
          List.of(
              new Violation(
                  "KP-08",
                  "number",
                  number
                      + " is "
                      + c.status().name().toLowerCase(java.util.Locale.ROOT)
                      + " and cannot be cancelled"));
      rejections.record("CANCEL", number, caller.organisationId(), v);
      throw refused(v);
    }
    aggregates.cancelled(c);
    return change(
        caller,
        stored,
        CertificateStatus.CANCELLED,
        today(),
        "cancelled: " + reason.strip(),
        List.of());
  }

  private Changed change(
      Caller caller,
      Stored stored,
      CertificateStatus to,
      LocalDate on,
      String details,
      List<Violation> flags) {
    KpCertificate c = stored.certificate();
    if (repository.changeStatus(c.number(), to, on, stored.version()) != 1) {
      throw Problem.conflict(
          "concurrent-change", c.number() + " changed meanwhile; read it again.");
    }
    Instant at = now();
    String jws =
        signatures.sign(
            caller.organisationId(),
            STATUS_JWS_TYPE,
            CanonicalJson.bytes(
                CertificateRecords.status(
                    c.number(),
                    to,
                    on.toString(),
                    caller.organisationId().toString(),
                    details,
                    null)));
    long id = repository.insertEvent(c.number(), to, on, caller.organisationId(), details, jws, at);
    for (Violation flag : flags) {
      repository.insertFinding(c.number(), flag.rule(), flag.field() + ": " + flag.message(), at);
    }
    Receipt receipt =
        log.record(
            Commitment.privateRecord(
                CertificateRecords.STATUS,
                Long.toString(id),
                caller.organisationId().toString(),
                at,
                CertificateRecords.status(
                    c.number(),
                    to,
                    on.toString(),
                    caller.organisationId().toString(),
                    details,
                    jws),
                split(stored.audience())));
    KpCertificate changed = repository.find(c.number()).orElseThrow().certificate();
    return new Changed(changed, receipt, flags);
  }

  /** Marks certificates past their expiry date as expired; returns how many. */
  @Transactional
  public int expireDue() {
    int expired = 0;
    for (String number : repository.dueForExpiry(today(), 500)) {
      Stored stored = repository.lock(number).orElseThrow();
      if (stored.certificate().status() != CertificateStatus.ISSUED) {
        continue;
      }
      KpCertificate c = stored.certificate();
      LocalDate on = c.expiresOn().plusDays(1);
      if (repository.changeStatus(number, CertificateStatus.EXPIRED, on, stored.version()) != 1) {
        continue;
      }
      Instant at = now();
      long id =
          repository.insertEvent(number, CertificateStatus.EXPIRED, on, null, "expired", null, at);
      log.record(
          Commitment.privateRecord(
              CertificateRecords.STATUS,
              Long.toString(id),
              c.issuingParticipant(),
              at,
              CertificateRecords.status(
                  number, CertificateStatus.EXPIRED, on.toString(), null, "expired", null),
              split(stored.audience())));
      expired++;
    }
    return expired;
  }

  /** A certificate for one of its parties or authorities; anyone else gets "not found". */
  @Transactional(readOnly = true)
  public KpCertificate get(Caller caller, String number) {
    return repository
        .findVisible(number, viewer(caller))
        .map(Stored::certificate)
        .orElseThrow(() -> unknown(number));
  }

  /** The flags raised on a certificate, for its parties and authorities. */
  @Transactional(readOnly = true)
  public List<CertificateRepository.Finding> findings(Caller caller, String number) {
    get(caller, number);
    return repository.findings(number);
  }

  @Transactional(readOnly = true)
  public List<CertificateRepository.Event> history(Caller caller, String number) {
    get(caller, number);
    return repository.events(number);
  }

  /** An authority's own certificates: outgoing (issued by it) or incoming (to its participant). */
  @Transactional(readOnly = true)
  public List<KpCertificate> list(
      Caller caller,
      boolean incoming,
      @Nullable CertificateStatus status,
      @Nullable String participant,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      int page,
      int size) {
    caller.require(OrganisationRole.KP_AUTHORITY);
    if (page < 0 || size < 1 || size > 500) {
      throw Problem.invalid("size", "page from 0, size from 1 to 500");
    }
    return repository
        .list(viewer(caller), status, participant, from, to, incoming, page * size, size)
        .stream()
        .map(Stored::certificate)
        .toList();
  }

  /** KP-10: originals are kept; no deletion before the retention period ends. */
  @Transactional(readOnly = true)
  public void delete(Caller caller, String number) {
    KpCertificate c = get(caller, number);
    LocalDate keptUntil = c.issuedOn().plusYears(properties.retentionYears());
    List<Violation> v =
        List.of(
            new Violation(
                "KP-10",
                "number",
                today().isBefore(keptUntil)
                    ? "originals are kept at least "
                        + properties.retentionYears()
                        + " years: "
                        + number
                        + " until "
                        + keptUntil
                    : "certificates are archived, never deleted through the API"));
    rejections.record("DELETE", number, caller.organisationId(), v);
    throw refused(v);
  }

  /** The stored certificate for public verification (what is shown is decided by the caller). */
  @Transactional(readOnly = true)
  public Optional<Stored> forVerification(String number) {
    return repository.find(number);
  }

  /** Whether the viewer is a party or one of the two authorities of a certificate. */
  public boolean mayReadDetails(@Nullable Caller caller, KpCertificate c) {
    if (caller == null) {
      return false;
    }
    UUID org = caller.organisationId();
    return org.equals(c.issuingAuthority().organisationId())
        || org.equals(c.exporter().organisationId())
        || org.equals(c.importer().organisationId())
        || (caller.has(OrganisationRole.KP_AUTHORITY)
            && c.importingParticipant().equals(caller.participant()));
  }

  private static Viewer viewer(Caller caller) {
    return new Viewer(
        caller.organisationId(), caller.participant(), caller.has(OrganisationRole.KP_AUTHORITY));
  }

  private static void requireAuthority(Caller caller) {
    caller.require(OrganisationRole.KP_AUTHORITY);
    if (caller.participant() == null) {
      throw Problem.forbidden("The authority belongs to no KP participant.");
    }
  }

  private KpRules.IssueContext context(Caller caller) {
    Organisation self = organisations.directoryEntry(caller.organisationId());
    KpRules.OrganisationFacts issuer = facts(self);
    LocalDate today = today();
    return new KpRules.IssueContext() {
      @Override
      public LocalDate today() {
        return today;
      }

      @Override
      public KpRules.OrganisationFacts issuer() {
        return issuer;
      }

      @Override
      public Optional<KpRules.OrganisationFacts> organisation(UUID id) {
        try {
          return Optional.of(facts(organisations.directoryEntry(id)));
        } catch (Problem notFound) {
          return Optional.empty();
        }
      }

      @Override
      public Optional<String> participantForCountry(String country) {
        return CountryCode.isValid(country)
            ? participants.participantForCountry(CountryCode.of(country)).map(ParticipantCode::code)
            : Optional.empty();
      }

      @Override
      public Optional<Standing> standing(String participant, LocalDate day) {
        return Participants.codeOf(participant).flatMap(p -> participants.standing(p, day));
      }

      @Override
      public boolean numberTaken(String number) {
        return repository.exists(number);
      }

      @Override
      public boolean inRange(String number) {
        String digits = number.substring(issuer.country().length());
        if (!digits.matches("\\d{1,12}")) {
          return false;
        }
        long n = Long.parseLong(digits);
        return repository
            .range(issuer.country(), false)
            .map(r -> n >= r.first() && n <= r.last())
            .orElse(n >= properties.firstNumber() && n <= properties.lastNumber());
      }

      @Override
      public Optional<BigDecimal> referenceUsdPerCarat(String originCountry) {
        return references.usdPerCarat(originCountry);
      }

      @Override
      public BigDecimal plausibilityFactor() {
        return properties.plausibilityFactor();
      }
    };
  }

  private static KpRules.OrganisationFacts facts(Organisation o) {
    return new KpRules.OrganisationFacts(
        o.id(), o.name(), o.country(), o.participant(), o.has(OrganisationRole.KP_AUTHORITY));
  }

  /** Who may read the certificate's record in the log: parties and the two authorities. */
  private Set<UUID> audience(KpCertificate c) {
    Set<UUID> audience = new LinkedHashSet<>();
    audience.add(c.issuingAuthority().organisationId());
    audience.add(c.exporter().organisationId());
    audience.add(c.importer().organisationId());
    for (Organisation o : organisations.directory()) {
      if (o.has(OrganisationRole.KP_AUTHORITY)
          && c.importingParticipant().equals(o.participant())) {
        audience.add(o.id());
      }
    }
    return audience;
  }

  private static String join(Set<UUID> ids) {
    return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
  }

  private static Set<UUID> split(String ids) {
    Set<UUID> out = new HashSet<>();
    for (String id : ids.split(",")) {
      if (!id.isBlank()) {
        out.add(UUID.fromString(id));
      }
    }
    return out;
  }

  static Problem unknown(String number) {
    return Problem.notFound("No certificate " + number + " that you may see.");
  }

  /** A 422 naming every rule broken: type {@code /problems/KP-xx} when one rule is at fault. */
  public static Problem refused(List<Violation> violations) {
    List<String> rules = violations.stream().map(Violation::rule).distinct().sorted().toList();
    String type = rules.size() == 1 ? rules.get(0) : "kp-rules";
    return new Problem(
        422,
        type,
        "Refused under " + String.join(", ", rules),
        violations.stream()
            .map(v -> v.rule() + ": " + v.message())
            .collect(Collectors.joining("; ")),
        rules,
        violations.stream()
            .map(v -> new FieldError(v.field(), v.rule() + ": " + v.message()))
            .toList());
  }
}

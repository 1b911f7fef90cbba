package org.kimberlite.diligence;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.diligence.internal.Evaluator;
import org.kimberlite.diligence.internal.FindingRepository;
import org.kimberlite.diligence.internal.ResponseRecords;
import org.kimberlite.ledger.Commitment;
import org.kimberlite.ledger.Receipt;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.statistics.Period;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The findings use cases: the caller's findings (a company its own, an authority its participant's
 * and its companies', the secretariat all), one finding, a response (DD-06) and re-evaluation of
 * every policy over stored history (the secretariat).
 */
@Service
public class Findings {
  public static final int MAX_SIZE = 100;
  public static final int MAX_PAGE = 100_000;
  public static final String RESPONSE_RECORD = ResponseRecords.TYPE;

  private final FindingRepository repository;
  private final Evaluator evaluator;
  private final TransparencyLog log;
  private final Clock clock;

  public Findings(
      FindingRepository repository, Evaluator evaluator, TransparencyLog log, Clock clock) {
    this.repository = repository;
    this.evaluator = evaluator;
    this.log = log;
    this.clock = clock;
  }

  /** Filters of a listing; null does not filter. */
  public record Query(
      @Nullable String rule,
      @Nullable UUID organisation,
      @Nullable ParticipantCode participant,
      @Nullable FindingStatus status,
      @Nullable Severity severity,
      int page,
      int size) {}

  public sealed interface ListOutcome {
    record Listed(List<Finding> findings, int page, int size) implements ListOutcome {
      public Listed {
        findings = List.copyOf(findings);
      }
    }

    record Invalid(String field, String message) implements ListOutcome {}
  }

  @Transactional(readOnly = true)
  public ListOutcome list(Caller caller, Query q) {
    if (q.size() < 1 || q.size() > MAX_SIZE) {
      return new ListOutcome.Invalid("size", "size from 1 to " + MAX_SIZE);
    }
    if (q.page() < 0 || q.page() > MAX_PAGE) {
      return new ListOutcome.Invalid("page", "page from 0 to " + MAX_PAGE);
    }
    return new ListOutcome.Listed(
        repository.list(
            scope(caller),
            new FindingRepository.Filter(
                q.rule(),
                q.organisation(),
                q.participant() == null ? null : q.participant().code(),
                q.status(),
                q.severity()),
            q.page() * q.size(),
            q.size()),
        q.page(),
        q.size());
  }

  /** A finding the caller may see; empty otherwise (the caller learns nothing). */
  @Transactional(readOnly = true)
  public Optional<Finding> get(Caller caller, UUID id) {
    return repository.find(id, scope(caller));
  }

  /** Counts by rule, then participant, of the findings the caller sees. */
  @Transactional(readOnly = true)
  public Map<String, Map<String, Long>> counts(Caller caller) {
    return repository.counts(scope(caller));
  }

  /** A response as asked. */
  public record ResponseRequest(
      @Nullable String decision,
      @Nullable String plan,
      @Nullable LocalDate reviewOn,
      @Nullable String responder) {}

  public sealed interface RespondOutcome {
    record Recorded(Finding finding, Receipt receipt) implements RespondOutcome {}

    record NotFound() implements RespondOutcome {}

    /** The caller sees the finding but is not a party that answers it. */
    record NotAllowed(String reason) implements RespondOutcome {}

    record Invalid(Map<String, String> errors) implements RespondOutcome {
      public Invalid {
        errors = Map.copyOf(errors);
      }
    }

    /** A disengaged finding is closed. */
    record Closed() implements RespondOutcome {}
  }

  /**
   * DD-06: a named person of an organisation the finding concerns, or an authority of a participant
   * it concerns, answers: continue (a mitigation plan and a review date after today), suspend, or
   * disengage. The response is kept with its history and committed to the transparency log.
   */
  @Transactional
  public RespondOutcome respond(Caller caller, UUID id, ResponseRequest r) {
    Optional<Finding> seen = repository.find(id, scope(caller));
    if (seen.isEmpty()) {
      return new RespondOutcome.NotFound();
    }
    Finding f = seen.get();
    boolean party = f.organisations().contains(caller.organisationId());
    boolean authority =
        caller.has(OrganisationRole.KP_AUTHORITY)
            && caller.participant() != null
            && f.participants().contains(caller.participant());
    if (!party && !authority) {
      return new RespondOutcome.NotAllowed(
          "Only an organisation the finding concerns, or its participant's KP authority, answers.");
    }
    Map<String, String> errors = new LinkedHashMap<>();
    Decision decision = null;
    try {
      decision = r.decision() == null ? null : Decision.valueOf(r.decision().strip());
    } catch (IllegalArgumentException e) {
      decision = null;
    }
    if (decision == null) {
      errors.put("decision", "CONTINUE, SUSPEND or DISENGAGE");
    }
    String responder = r.responder() == null ? "" : r.responder().strip();
    if (responder.isEmpty() || responder.length() > 200 || !printable(responder)) {
      errors.put("responder", "the name of the person answering, 1 to 200 characters");
    }
    String plan = r.plan() == null || r.plan().isBlank() ? null : r.plan().strip();
    if (plan != null && (plan.length() > 4000 || !printable(plan))) {
      errors.put("plan", "at most 4000 characters");
    }
    LocalDate today = LocalDate.now(clock);
    if (decision == Decision.CONTINUE) {
      if (plan == null) {
        errors.put("plan", "continuing needs a mitigation plan");
      }
      if (r.reviewOn() == null || !r.reviewOn().isAfter(today)) {
        errors.put("reviewOn", "continuing needs a review date after today");
      }
    }
    if (r.reviewOn() != null && r.reviewOn().isAfter(today.plusYears(3))) {
      errors.put("reviewOn", "a review date within three years");
    }
    if (!errors.isEmpty() || decision == null) {
      return new RespondOutcome.Invalid(errors);
    }
    if (repository.lock(id).isEmpty()) {
      return new RespondOutcome.NotFound();
    }
    if (f.status() == FindingStatus.CLOSED) {
      return new RespondOutcome.Closed();
    }
    LocalDate reviewOn = decision == Decision.DISENGAGE ? null : r.reviewOn();
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    UUID responseId = UUID.randomUUID();
    Map<String, Object> record =
        ResponseRecords.record(
            id, f.rule(), decision, plan, reviewOn, caller.organisationId(), responder, at);
    Set<UUID> audience = new java.util.HashSet<>(f.organisations());
    audience.add(caller.organisationId());
    Receipt receipt =
        log.record(
            Commitment.privateRecord(
                RESPONSE_RECORD,
                responseId.toString(),
                caller.organisationId().toString(),
                at,
                record,
                audience));
    repository.insertResponse(
        responseId,
        id,
        decision,
        plan,
        reviewOn,
        caller.organisationId(),
        responder,
        caller.username(),
        at,
        receipt.entryId());
    return new RespondOutcome.Recorded(repository.find(id, scope(caller)).orElseThrow(), receipt);
  }

  public sealed interface EvaluateOutcome {
    record Evaluated(int certificates, int custodyFlags, int years, int raised)
        implements EvaluateOutcome {}

    record NotAllowed() implements EvaluateOutcome {}
  }

  /** Runs every policy over stored history; the KP secretariat only. */
  @Transactional
  public EvaluateOutcome evaluateAll(Caller caller) {
    if (!caller.has(OrganisationRole.KP_SECRETARIAT)) {
      return new EvaluateOutcome.NotAllowed();
    }
    int raised = 0;
    List<String> numbers = evaluator.allCertificates();
    for (String n : numbers) {
      raised += evaluator.certificate(n);
    }
    int[] custody = {0};
    long seq = 0;
    int flags = 0;
    while (true) {
      long next = evaluator.custodyAfter(seq, 1000, custody);
      if (next == seq) {
        break;
      }
      flags++;
      seq = next;
    }
    raised += custody[0];
    int thisYear = LocalDate.now(clock).getYear();
    int years = 0;
    for (int y = thisYear - 5; y <= thisYear; y++) {
      raised += evaluator.statistics(y);
      years++;
    }
    // SOW-05 over every closed quarter of those years.
    Period current = Period.of(LocalDate.now(clock));
    for (Period p = new Period(thisYear - 5, 1); p.compareTo(current) < 0; p = p.next()) {
      raised += evaluator.reconciliations(p);
    }
    return new EvaluateOutcome.Evaluated(numbers.size(), flags, years, raised);
  }

  private static FindingRepository.Scope scope(Caller caller) {
    if (caller.has(OrganisationRole.KP_SECRETARIAT)) {
      return new FindingRepository.Scope(caller.organisationId(), null, true);
    }
    String participant =
        caller.has(OrganisationRole.KP_AUTHORITY) && caller.participant() != null
            ? caller.participant().code()
            : null;
    return new FindingRepository.Scope(caller.organisationId(), participant, false);
  }

  private static boolean printable(String s) {
    return s.codePoints().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r');
  }
}

package org.kimberlite.diligence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.Reconciling;
import org.kimberlite.diligence.internal.FindingRepository;
import org.kimberlite.diligence.internal.RuleCatalogue;
import org.kimberlite.diligence.internal.policies.StatusAsOf;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.Organisation;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.registry.RjcCertification;
import org.kimberlite.registry.SowRegistration;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly due-diligence report of a company (OECD step 5): the policies evaluated, its findings
 * of the year by rule, severity and status, each with its responses, the findings still open at the
 * year's end, the warranty reconciliation of the year (SOW-05) and its RJC and SoW standing.
 *
 * <p>Everything is as it stood at the end of the year (the first instant of the next, UTC): only
 * findings raised and responses recorded before it count, and a finding's status is derived from
 * that response history, not read from today's. A past year's report is therefore the same,
 * whenever asked; the current year's is the report to date.
 *
 * <p>Who may read it: the organisation itself, the KP authority of the participant it trades under,
 * and the KP secretariat. Anyone else is answered as for an organisation that does not exist.
 */
@Service
public class DiligenceReports {
  public static final int EARLIEST_YEAR = 2000;

  /** The most findings a report lists. */
  public static final int MAX_FINDINGS = 5_000;

  private final FindingRepository findings;
  private final Organisations organisations;
  private final Reconciling reconciling;
  private final RuleCatalogue catalogue;
  private final Clock clock;
  private final Duration openLimit;

  public DiligenceReports(
      FindingRepository findings,
      Organisations organisations,
      Reconciling reconciling,
      RuleCatalogue catalogue,
      Clock clock,
      @Value("${kimberlite.diligence.open-limit:P30D}") Duration openLimit) {
    this.findings = findings;
    this.organisations = organisations;
    this.reconciling = reconciling;
    this.catalogue = catalogue;
    this.clock = clock;
    this.openLimit = openLimit;
  }

  /** The organisation reported on. */
  public record Subject(
      UUID id, String name, List<OrganisationRole> roles, @Nullable ParticipantCode participant) {
    public Subject {
      roles = List.copyOf(roles);
    }
  }

  /** A rule evaluated, with its one-line title and the severities its findings take. */
  public record PolicyLine(String rule, String title, List<Severity> severities) {
    public PolicyLine {
      severities = List.copyOf(severities);
    }
  }

  /** How many of the year's findings have a rule, severity and status at the year's end. */
  public record Count(String rule, Severity severity, FindingStatus status, int findings) {}

  /**
   * A finding as it stood at the year's end: its status then and the responses recorded by then.
   */
  public record YearFinding(
      UUID id,
      String rule,
      Severity severity,
      FindingStatus status,
      String summary,
      Instant raisedAt,
      List<Response> responses) {
    public YearFinding {
      responses = List.copyOf(responses);
    }
  }

  /** The warranty reconciliation of the year (custody's SOW-05 figures). */
  public record Warranties(
      Reconciling.Figures figures,
      Carats surplus,
      Carats shortfall,
      boolean balanced,
      List<String> flags,
      int differences) {
    public Warranties {
      flags = List.copyOf(flags);
    }
  }

  /** Whether a certification or registration was current on the year's last day. */
  public enum Standing {
    CURRENT,
    LAPSED,
    NONE
  }

  /**
   * An RJC certification or SoW registration at the year's end.
   *
   * @param reference the certificate number or registration ID, when there is one
   * @param through its last day in force
   */
  public record Compliance(
      Standing standing, @Nullable String reference, @Nullable LocalDate through) {}

  /**
   * The report.
   *
   * @param lastDay the last day the report covers: 31 December, or today for the current year
   * @param asOf the instant the facts are taken at (excluded): the end of {@code lastDay}
   * @param toDate whether the year is not over (the report will still change)
   * @param findings the findings raised in the year, oldest first
   * @param open the findings raised on or before the year's end still open or escalated then
   */
  public record Report(
      Subject organisation,
      int year,
      LocalDate firstDay,
      LocalDate lastDay,
      Instant asOf,
      boolean toDate,
      List<PolicyLine> policies,
      List<Count> counts,
      List<YearFinding> findings,
      List<YearFinding> open,
      Warranties warranties,
      Compliance rjc,
      Compliance sow) {
    public Report {
      policies = List.copyOf(policies);
      counts = List.copyOf(counts);
      findings = List.copyOf(findings);
      open = List.copyOf(open);
    }
  }

  public sealed interface Outcome {
    record Done(Report report) implements Outcome {}

    /** No such organisation, or not one the caller may see. */
    record NotFound() implements Outcome {}

    /** The parameters at fault, each with what it should be. */
    record Invalid(Map<String, String> fields) implements Outcome {
      public Invalid {
        fields = Map.copyOf(fields);
      }
    }
  }

  /** The years a report may be asked for: from {@link #EARLIEST_YEAR} to the current year. */
  public int latestYear() {
    return LocalDate.now(clock).getYear();
  }

  @Transactional(readOnly = true)
  public Outcome report(Caller caller, UUID organisation, int year) {
    int latest = latestYear();
    if (year < EARLIEST_YEAR || year > latest) {
      return new Outcome.Invalid(Map.of("year", "a year from " + EARLIEST_YEAR + " to " + latest));
    }
    Optional<Organisation> found = organisations.forChecks(organisation);
    if (found.isEmpty() || !entitled(caller, found.get())) {
      return new Outcome.NotFound();
    }
    Organisation org = found.get();
    LocalDate firstDay = LocalDate.of(year, 1, 1);
    Instant yearEnd = firstDay.plusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    boolean toDate = now.isBefore(yearEnd);
    Instant asOf = toDate ? now : yearEnd;
    LocalDate lastDay = asOf.minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate();
    Instant start = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();

    List<YearFinding> ofYear = new ArrayList<>();
    List<YearFinding> open = new ArrayList<>();
    for (Finding f : findings.naming(org.id(), asOf, MAX_FINDINGS)) {
      YearFinding y = asOf(f, asOf);
      if (!f.raisedAt().isBefore(start)) {
        ofYear.add(y);
      }
      if (StatusAsOf.open(y.status())) {
        open.add(y);
      }
    }
    Reconciling.Report r =
        reconciling.of(org.id(), firstDay, lastDay).orElseThrow(IllegalStateException::new);
    return new Outcome.Done(
        new Report(
            new Subject(
                org.id(), org.name(), org.roles().stream().sorted().toList(), org.participant()),
            year,
            firstDay,
            lastDay,
            asOf,
            toDate,
            catalogue.rules().stream()
                .map(p -> new PolicyLine(p.id(), p.title(), p.severities()))
                .toList(),
            counts(ofYear),
            ofYear,
            open,
            new Warranties(
                r.figures(),
                r.surplus(),
                r.shortfall(),
                r.balanced(),
                r.flags(),
                r.differences().size()),
            rjc(org.rjc(), lastDay),
            sow(org.sow(), lastDay)));
  }

  private YearFinding asOf(Finding f, Instant asOf) {
    List<Response> responses =
        f.responses().stream()
            .filter(r -> r.respondedAt().isBefore(asOf))
            .sorted(Comparator.comparing(Response::respondedAt))
            .toList();
    FindingStatus status =
        StatusAsOf.status(
            f.raisedAt(),
            responses.stream()
                .map(r -> new StatusAsOf.Answer(r.decision(), r.respondedAt(), r.reviewOn()))
                .toList(),
            asOf,
            openLimit);
    return new YearFinding(
        f.id(), f.rule(), f.severity(), status, f.summary(), f.raisedAt(), responses);
  }

  private record Cell(String rule, Severity severity, FindingStatus status) {}

  private static List<Count> counts(List<YearFinding> ofYear) {
    Map<Cell, Integer> n =
        new TreeMap<>(
            Comparator.comparing(Cell::rule)
                .thenComparing(Cell::severity)
                .thenComparing(Cell::status));
    for (YearFinding f : ofYear) {
      n.merge(new Cell(f.rule(), f.severity(), f.status()), 1, Integer::sum);
    }
    List<Count> out = new ArrayList<>();
    n.forEach((c, count) -> out.add(new Count(c.rule(), c.severity(), c.status(), count)));
    return out;
  }

  static Compliance rjc(@Nullable RjcCertification rjc, LocalDate day) {
    if (rjc == null || rjc.validFrom().isAfter(day)) {
      return new Compliance(Standing.NONE, null, null);
    }
    return new Compliance(
        rjc.currentOn(day) ? Standing.CURRENT : Standing.LAPSED,
        rjc.number(),
        rjc.validUntil().minusDays(1));
  }

  static Compliance sow(@Nullable SowRegistration sow, LocalDate day) {
    if (sow == null) {
      return new Compliance(Standing.NONE, null, null);
    }
    return new Compliance(
        sow.currentOn(day) ? Standing.CURRENT : Standing.LAPSED, sow.id(), sow.renewalDue());
  }

  private static boolean entitled(Caller caller, Organisation org) {
    return caller.organisationId().equals(org.id())
        || caller.has(OrganisationRole.KP_SECRETARIAT)
        || (caller.has(OrganisationRole.KP_AUTHORITY)
            && org.participant() != null
            && org.participant().equals(caller.participant()));
  }
}

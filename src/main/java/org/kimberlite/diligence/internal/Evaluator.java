package org.kimberlite.diligence.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kimberlite.certification.CertificateFacts;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.custody.CustodyFindings;
import org.kimberlite.custody.ProvenanceTrace;
import org.kimberlite.custody.Reconciling;
import org.kimberlite.custody.TracingProvenance;
import org.kimberlite.diligence.RiskEntry;
import org.kimberlite.diligence.ValueVerdict;
import org.kimberlite.diligence.internal.policies.CounterpartyPolicy;
import org.kimberlite.diligence.internal.policies.CustodyFlagPolicy;
import org.kimberlite.diligence.internal.policies.Flag;
import org.kimberlite.diligence.internal.policies.ProductionPolicy;
import org.kimberlite.diligence.internal.policies.ReconciliationPolicy;
import org.kimberlite.diligence.internal.policies.RiskLocationPolicy;
import org.kimberlite.diligence.internal.policies.SealPolicy;
import org.kimberlite.diligence.internal.policies.SourcingPolicy;
import org.kimberlite.diligence.internal.policies.StatisticsPolicy;
import org.kimberlite.diligence.internal.policies.TransferPricingPolicy;
import org.kimberlite.diligence.internal.policies.ValueBandPolicy;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.Organisation;
import org.kimberlite.registry.Organisations;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.statistics.DataQuality;
import org.kimberlite.statistics.Period;
import org.kimberlite.statistics.Statistics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gathers the facts each policy reads, runs the policies and stores what they raise (once per rule
 * and facts). Called by the listeners, the scheduled jobs and the re-evaluation over history,
 * always inside the caller's transaction.
 */
@Component
public class Evaluator {
  private final CertificateFacts certificates;
  private final CustodyFindings custody;
  private final TracingProvenance provenance;
  private final Reconciling reconciling;
  private final Organisations organisations;
  private final DataQuality dataQuality;
  private final Statistics statistics;
  private final RiskListRepository risks;
  private final FindingRepository findings;
  private final ObjectProvider<ValueVerdict.ValueBands> valueBands;
  private final BigDecimal priceJump;
  private final Clock clock;

  public Evaluator(
      CertificateFacts certificates,
      CustodyFindings custody,
      TracingProvenance provenance,
      Reconciling reconciling,
      Organisations organisations,
      DataQuality dataQuality,
      Statistics statistics,
      RiskListRepository risks,
      FindingRepository findings,
      ObjectProvider<ValueVerdict.ValueBands> valueBands,
      @Value("${kimberlite.diligence.price-jump-factor:2}") BigDecimal priceJump,
      Clock clock) {
    this.certificates = certificates;
    this.custody = custody;
    this.provenance = provenance;
    this.reconciling = reconciling;
    this.organisations = organisations;
    this.dataQuality = dataQuality;
    this.statistics = statistics;
    this.risks = risks;
    this.findings = findings;
    this.valueBands = valueBands;
    this.priceJump = priceJump;
    this.clock = clock;
  }

  /** Every policy that reads one certificate; returns how many findings were new. */
  public int certificate(String number) {
    Optional<CertificateFacts.Fact> found = certificates.fact(number);
    if (found.isEmpty()) {
      return 0;
    }
    KpCertificate c = found.get().certificate();
    List<RiskEntry> lists = risks.all();
    LocalDate yearBefore = c.issuedOn().minusMonths(12);
    List<Flag> flags = new ArrayList<>();
    SealPolicy.evaluate(c, found.get().receivedSeal()).ifPresent(flags::add);
    RiskLocationPolicy.evaluate(c, lists).ifPresent(flags::add);
    SourcingPolicy.evaluate(
            c,
            certificates.importedBy(c.exporter().organisationId(), yearBefore, c.issuedOn()),
            lists)
        .ifPresent(flags::add);
    TransferPricingPolicy.evaluate(
            c,
            certificates.importedInto(c.issuingParticipant(), yearBefore, c.issuedOn()),
            priceJump)
        .ifPresent(flags::add);
    flags.addAll(counterparties(c, lists));
    ValueVerdict.ValueBands bands = valueBands.getIfAvailable();
    if (bands != null) {
      flags.addAll(ValueBandPolicy.evaluate(c, bands.check(c)));
    }
    int raised = raise(flags);
    raised += production(c.issuingParticipant(), c.issuedOn().getYear());
    return raised;
  }

  /** DD-03 for both parties of a certificate, as of today (a lapse after issue counts). */
  public int counterparties(String number) {
    return certificates
        .fact(number)
        .map(f -> raise(counterparties(f.certificate(), risks.all())))
        .orElse(0);
  }

  private List<Flag> counterparties(KpCertificate c, List<RiskEntry> lists) {
    Optional<Organisation> exporter = organisations.forChecks(c.exporter().organisationId());
    Optional<Organisation> importer = organisations.forChecks(c.importer().organisationId());
    if (exporter.isEmpty() || importer.isEmpty()) {
      return List.of();
    }
    LocalDate today = LocalDate.now(clock);
    List<Flag> flags = new ArrayList<>();
    CounterpartyPolicy.evaluate(exporter.get(), importer.get(), c.number(), today, lists)
        .ifPresent(flags::add);
    CounterpartyPolicy.evaluate(importer.get(), exporter.get(), c.number(), today, lists)
        .ifPresent(flags::add);
    return flags;
  }

  /** DD-02 for a participant's year and the next (whose stock it sets). */
  public int production(ParticipantCode participant, int year) {
    int raised = 0;
    LocalDate today = LocalDate.now(clock);
    for (int y = year; y <= Math.min(year + 1, today.getYear()); y++) {
      CertificateFacts.OwnOrigin now = certificates.ownOrigin(participant, y, 20);
      if (now.carats().compareTo(Carats.ZERO) <= 0) {
        continue;
      }
      CertificateFacts.OwnOrigin before = certificates.ownOrigin(participant, y - 1, 0);
      raised +=
          raise(
              ProductionPolicy.evaluate(
                      participant,
                      y,
                      now.carats(),
                      before.carats(),
                      produced(participant, y),
                      produced(participant, y - 1),
                      now.examples(),
                      now.organisations())
                  .stream()
                  .toList());
    }
    return raised;
  }

  private Carats produced(ParticipantCode participant, int year) {
    return statistics.production(year).stream()
        .filter(f -> f.participant().equals(participant.code()))
        .map(Statistics.Figure::carats)
        .findFirst()
        .orElse(Carats.ZERO);
  }

  /** STAT-02, STAT-03, STAT-04 for a year, from the statistics module's checks. */
  public int statistics(int year) {
    return raise(StatisticsPolicy.evaluate(dataQuality.findings(year)));
  }

  /**
   * SOW-05 over one quarter for every organisation whose warranted goods moved in it; returns how
   * many findings were new.
   */
  public int reconciliations(Period period) {
    List<Flag> out = new ArrayList<>();
    for (Organisation o : organisations.directory()) {
      reconciling
          .ofPeriod(o.id(), period.firstDay(), period.lastDay())
          .flatMap(r -> ReconciliationPolicy.sow05(r, period.label(), o.participant()))
          .ifPresent(out::add);
    }
    return raise(out);
  }

  /** SOW-03 and LGD-04 from the flags custody kept on one capture's events. */
  public int capture(UUID captureId) {
    return custodyFlags(custody.ofCapture(captureId));
  }

  /** The same over every custody flag after {@code afterSeq}; returns the last seq read. */
  public long custodyAfter(long afterSeq, int limit, int[] raised) {
    List<CustodyFindings.SystemFlag> flags = custody.after(afterSeq, limit);
    raised[0] += custodyFlags(flags);
    return flags.isEmpty() ? afterSeq : flags.get(flags.size() - 1).seq();
  }

  private int custodyFlags(List<CustodyFindings.SystemFlag> flags) {
    List<Flag> out = new ArrayList<>();
    for (CustodyFindings.SystemFlag f : flags) {
      ParticipantCode participant =
          organisations
              .directoryEntry(f.organisationId())
              .map(Organisation::participant)
              .orElse(null);
      CustodyFlagPolicy.sow03(f, participant).ifPresent(out::add);
      if (f.rule().equals("LGD-04")) {
        out.addAll(CustodyFlagPolicy.lgd04(f, upstream(f)));
      }
    }
    return raise(out);
  }

  /** The holders upstream of the screened goods, screener included, as custody traces them. */
  private List<CustodyFlagPolicy.Holder> upstream(CustodyFindings.SystemFlag f) {
    Optional<Organisation> screener = organisations.directoryEntry(f.organisationId());
    if (screener.isEmpty()) {
      return List.of();
    }
    Organisation o = screener.get();
    Caller system =
        new Caller(
            new UUID(0, 0), "diligence", o.id(), o.name(), o.roles(), o.participant(), false);
    Map<UUID, CustodyFlagPolicy.Holder> holders = new HashMap<>();
    holders.put(o.id(), new CustodyFlagPolicy.Holder(o.id(), o.name(), o.participant()));
    Set<String> epcs = new LinkedHashSet<>(f.epcs());
    for (String epc : epcs) {
      if (provenance.trace(system, epc, "upstream", null, null)
          instanceof TracingProvenance.TraceOutcome.Found found) {
        for (ProvenanceTrace.Hop hop : found.trace().hops()) {
          UUID id = hop.holder().id();
          holders.computeIfAbsent(
              id,
              k ->
                  new CustodyFlagPolicy.Holder(
                      k,
                      hop.holder().name(),
                      organisations.directoryEntry(k).map(Organisation::participant).orElse(null)));
        }
      }
    }
    return holders.values().stream()
        .sorted(java.util.Comparator.comparing(CustodyFlagPolicy.Holder::id))
        .toList();
  }

  /** Certificates issued in the twelve months to today. */
  public List<String> recentCertificates() {
    LocalDate today = LocalDate.now(clock);
    return certificates.issuedBetween(today.minusMonths(12), today).stream()
        .map(KpCertificate::number)
        .toList();
  }

  /** Every certificate's number (re-evaluation over history). */
  public List<String> allCertificates() {
    return certificates.numbers();
  }

  private int raise(List<Flag> flags) {
    int raised = 0;
    for (Flag f : flags) {
      if (findings.insert(f, clock.instant())) {
        raised++;
      }
    }
    return raised;
  }
}

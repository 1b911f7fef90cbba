package org.kimberlite.statistics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kimberlite.certification.TradeFigures;
import org.kimberlite.certification.TradeRow;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.ParticipantKind;
import org.kimberlite.registry.ParticipantSummary;
import org.kimberlite.registry.Participants;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.statistics.internal.AnomalyCheck;
import org.kimberlite.statistics.internal.MirrorCheck;
import org.kimberlite.statistics.internal.MissingSubmissionsCheck;
import org.kimberlite.statistics.internal.ProductionRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Working Group on Statistics' checks, run on demand over the live figures for the KP
 * secretariat: mirror analysis (STAT-02), period-on-period anomalies (STAT-03) and missing
 * production submissions (STAT-04).
 */
@Service
public class DataQuality {
  private final TradeFigures trade;
  private final ProductionRepository production;
  private final Participants participants;
  private final Clock clock;
  private final MirrorCheck mirror = new MirrorCheck(MirrorTolerance.DEFAULT);
  private final AnomalyCheck anomalies;

  public DataQuality(
      TradeFigures trade,
      ProductionRepository production,
      Participants participants,
      Clock clock,
      @Value("${kimberlite.statistics.anomaly-threshold:0.5}") BigDecimal anomalyThreshold) {
    this.trade = trade;
    this.production = production;
    this.participants = participants;
    this.clock = clock;
    this.anomalies = new AnomalyCheck(anomalyThreshold);
  }

  /** Every finding for a year; only the KP secretariat asks. */
  @Transactional(readOnly = true)
  public ChecksOutcome findings(Caller caller, int year) {
    if (!caller.has(OrganisationRole.KP_SECRETARIAT)) {
      return new ChecksOutcome.NotAllowed(
          "This needs an account of an organisation with role [KP_SECRETARIAT].");
    }
    return new ChecksOutcome.Checked(findings(year));
  }

  @Transactional(readOnly = true)
  public List<Finding> findings(int year) {
    List<TradeFlow> exports = new ArrayList<>();
    for (TradeRow r : trade.exports(year - 1, year)) {
      exports.add(
          new TradeFlow(
              r.exporter(),
              r.importer(),
              new Period(r.year(), r.quarter()),
              r.hsCode(),
              r.carats(),
              r.valueUsd(),
              r.certificates()));
    }
    List<ImportFlow> imports = new ArrayList<>();
    for (TradeRow r : trade.imports(year - 1, year + 1)) {
      imports.add(
          new ImportFlow(
              r.exporter(),
              r.importer(),
              new Period(r.year(), r.quarter()),
              r.hsCode(),
              r.carats(),
              r.valueUsd(),
              r.certificates()));
    }
    List<ProductionFigure> figures = new ArrayList<>();
    for (ProductionReport p : production.current(year - 1, year)) {
      ParticipantCode participant = p.participant();
      if (participant != null) {
        figures.add(
            new ProductionFigure(participant, p.year(), p.half(), p.carats(), p.valueUsd()));
      }
    }
    LocalDate today = LocalDate.now(clock);
    List<ParticipantCode> codes =
        participants.list(today).stream()
            .filter(
                s ->
                    s.participant().kind() == ParticipantKind.PARTICIPANT
                        && s.standing().isParticipant())
            .map(ParticipantSummary::participant)
            .map(p -> p.code())
            .toList();
    String prefix = Integer.toString(year);
    List<Finding> out = new ArrayList<>();
    mirror.findings(exports, imports).stream()
        .filter(f -> f.period().startsWith(prefix))
        .forEach(out::add);
    anomalies.findings(figures, exports).stream()
        .filter(f -> f.period().startsWith(prefix))
        .forEach(out::add);
    out.addAll(MissingSubmissionsCheck.findings(codes, figures, year, year, today));
    out.sort(Finding.ORDER);
    return List.copyOf(out);
  }
}

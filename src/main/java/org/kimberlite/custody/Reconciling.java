package org.kimberlite.custody;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.internal.reconciliation.MovementKind;
import org.kimberlite.custody.internal.reconciliation.MovementRepository;
import org.kimberlite.custody.internal.reconciliation.WarrantyBalance;
import org.kimberlite.custody.internal.rules.Breach;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.Organisation;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.UsdAmount;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The System of Warranties reconciliation of one organisation over a period (SOW-05): its warranted
 * opening stock, carats bought, sold, lost in manufacturing and closing stock, from the movements
 * kept at capture; whether they balance; and every difference, with the events behind it.
 *
 * <p>Who may read it: the organisation itself, and the KP authority of the participant it trades
 * under (a government agency may ask to see the records behind warranties). Anyone else is answered
 * as for an organisation that does not exist.
 */
@Service
public class Reconciling {
  /** The longest period, in years. */
  public static final int MAX_YEARS = 5;

  /** A difference of at most this many carats over the period still balances. */
  public static final Carats TOLERANCE = Carats.of("0.01");

  /** The differences whose events are listed (the others are listed without their events). */
  public static final int MAX_DETAILED = 200;

  /** The most movements listed behind the differences. */
  public static final int MAX_LISTED = 2_000;

  private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(2100, 1, 1);

  private final MovementRepository movements;
  private final Organisations organisations;

  public Reconciling(MovementRepository movements, Organisations organisations) {
    this.movements = movements;
    this.organisations = organisations;
  }

  /**
   * The warranted figures of the period, in carats (and in US dollars where invoices gave them).
   */
  public record Figures(
      Carats opening,
      Carats bought,
      UsdAmount boughtUsd,
      Carats sold,
      UsdAmount soldUsd,
      Carats closing,
      Carats manufacturingInput,
      Carats manufacturingOutput,
      Carats manufacturingLoss) {}

  /** A movement behind a difference. */
  public record Line(
      String epc,
      String eventHash,
      String eventId,
      String kind,
      boolean warranted,
      @Nullable Carats carats,
      Instant eventTime) {}

  /**
   * A difference nothing explains.
   *
   * @param kind {@code lot}, {@code manufacturing-gain} or {@code packing}
   * @param subject the lot (canonical EPC or class) or the event's hash ID
   * @param lines the movements behind it (empty past {@link #MAX_DETAILED} differences)
   */
  public record Difference(
      String kind,
      String subject,
      Carats surplus,
      Carats shortfall,
      String message,
      List<Line> lines) {
    public Difference {
      lines = List.copyOf(lines);
    }
  }

  /**
   * The report.
   *
   * @param from the first day (UTC)
   * @param to the last day (UTC), included
   * @param flags the SOW-05 finding, when the period falls short
   */
  public record Report(
      UUID organisation,
      String organisationName,
      LocalDate from,
      LocalDate to,
      Figures figures,
      Carats surplus,
      Carats shortfall,
      Carats tolerance,
      boolean balanced,
      List<String> flags,
      List<Difference> differences) {
    public Report {
      flags = List.copyOf(flags);
      differences = List.copyOf(differences);
    }

    /** Whether SOW-05 is flagged. */
    public boolean flagged() {
      return !flags.isEmpty();
    }
  }

  /** The report, or why there is none. */
  public sealed interface Outcome {
    record Done(Report report) implements Outcome {}

    /** The parameters at fault, each with what it should be. */
    record Invalid(Map<String, String> fields) implements Outcome {
      public Invalid {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
      }
    }

    /** No such organisation, or not one the caller may see. */
    record NotFound() implements Outcome {}
  }

  @Transactional(readOnly = true)
  public Outcome report(
      Caller caller, @Nullable String organisation, @Nullable String from, @Nullable String to) {
    Map<String, String> faults = new LinkedHashMap<>();
    UUID id = null;
    try {
      id = UUID.fromString(organisation == null ? "" : organisation.strip());
    } catch (IllegalArgumentException e) {
      faults.put("organisation", "the organisation's id (a UUID)");
    }
    Optional<LocalDate> first = date(from);
    if (first.isEmpty()) {
      faults.put("from", "a date (YYYY-MM-DD) from 2000-01-01 to 2099-12-31");
    }
    Optional<LocalDate> last = date(to);
    if (last.isEmpty()) {
      faults.put("to", "a date (YYYY-MM-DD) from 2000-01-01 to 2099-12-31");
    }
    if (first.isPresent() && last.isPresent()) {
      if (last.get().isBefore(first.get())) {
        faults.put("to", "on or after from");
      } else if (!last.get().isBefore(first.get().plusYears(MAX_YEARS))) {
        faults.put("to", "less than " + MAX_YEARS + " years after from");
      }
    }
    if (id == null || first.isEmpty() || last.isEmpty() || !faults.isEmpty()) {
      return new Outcome.Invalid(faults);
    }
    Optional<Organisation> org = organisations.directoryEntry(id);
    if (org.isEmpty() || !entitled(caller, org.get())) {
      return new Outcome.NotFound();
    }
    return new Outcome.Done(compute(org.get(), first.get(), last.get()));
  }

  /**
   * The report of an organisation over a period, without a caller's access check: for modules that
   * decide access themselves (due diligence's yearly report). Empty for an unknown organisation;
   * the period is the caller's to bound (at most {@link #MAX_YEARS} years).
   */
  @Transactional(readOnly = true)
  public Optional<Report> of(UUID organisation, LocalDate from, LocalDate to) {
    if (to.isBefore(from) || !to.isBefore(from.plusYears(MAX_YEARS))) {
      throw new IllegalArgumentException("a period of less than " + MAX_YEARS + " years");
    }
    return organisations.directoryEntry(organisation).map(org -> compute(org, from, to));
  }

  /**
   * The report of an organisation over [from, to] for due diligence's SOW-05 check; empty when the
   * organisation is unknown or nothing it holds moved in the period.
   */
  @Transactional(readOnly = true)
  public Optional<Report> ofPeriod(UUID organisation, LocalDate from, LocalDate to) {
    Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    if (!movements.moved(organisation, start, end)) {
      return Optional.empty();
    }
    return of(organisation, from, to);
  }

  private static boolean entitled(Caller caller, Organisation org) {
    return caller.organisationId().equals(org.id())
        || (caller.has(OrganisationRole.KP_AUTHORITY)
            && org.participant() != null
            && org.participant().equals(caller.participant()));
  }

  private static Optional<LocalDate> date(@Nullable String text) {
    if (text == null || text.length() != 10) {
      return Optional.empty();
    }
    try {
      LocalDate d = LocalDate.parse(text);
      return d.isBefore(EARLIEST) || !d.isBefore(LATEST) ? Optional.empty() : Optional.of(d);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private Report compute(Organisation org, LocalDate from, LocalDate to) {
    Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Map<MovementKind, MovementRepository.Total> totals = movements.totals(org.id(), start, end);
    Map<String, Carats> opening = movements.stock(org.id(), start);
    Map<String, Carats> closing = movements.stock(org.id(), end);
    Map<String, Carats[]> lots = new LinkedHashMap<>();
    for (MovementRepository.LotTotals l : movements.lots(org.id(), start, end)) {
      lots.put(l.epc(), new Carats[] {l.in(), l.out()});
    }
    Set<String> all = new LinkedHashSet<>(opening.keySet());
    all.addAll(lots.keySet());
    all.addAll(closing.keySet());
    List<WarrantyBalance.LotFlow> flows = new ArrayList<>(all.size());
    for (String epc : all) {
      Carats[] io = lots.getOrDefault(epc, new Carats[] {Carats.ZERO, Carats.ZERO});
      flows.add(
          new WarrantyBalance.LotFlow(
              epc,
              opening.getOrDefault(epc, Carats.ZERO),
              io[0],
              io[1],
              closing.getOrDefault(epc, Carats.ZERO)));
    }
    List<WarrantyBalance.EventFlow> events = new ArrayList<>();
    for (MovementRepository.EventTotals e : movements.regroupings(org.id(), start, end)) {
      Map<MovementKind, Carats> c = new EnumMap<>(e.carats());
      events.add(
          new WarrantyBalance.EventFlow(
              e.hashId(),
              c.getOrDefault(MovementKind.CONSUMED, Carats.ZERO),
              c.getOrDefault(MovementKind.PRODUCED, Carats.ZERO),
              c.getOrDefault(MovementKind.PACKED, Carats.ZERO),
              c.getOrDefault(MovementKind.PARCEL, Carats.ZERO)));
    }
    Carats openingTotal = Carats.sum(opening.values());
    Carats closingTotal = Carats.sum(closing.values());
    Carats bought =
        carats(totals, MovementKind.RECEIVED).plus(carats(totals, MovementKind.COMMISSIONED));
    Carats sold = carats(totals, MovementKind.SHIPPED).plus(carats(totals, MovementKind.SOLD));
    Carats consumed = carats(totals, MovementKind.CONSUMED);
    Carats produced = carats(totals, MovementKind.PRODUCED);
    WarrantyBalance.Balance balance =
        WarrantyBalance.judge(
            new WarrantyBalance.Figures(
                openingTotal, bought, sold, closingTotal, consumed, produced),
            flows,
            events,
            TOLERANCE);
    Figures figures =
        new Figures(
            openingTotal,
            bought,
            usd(totals, MovementKind.RECEIVED).plus(usd(totals, MovementKind.COMMISSIONED)),
            sold,
            usd(totals, MovementKind.SHIPPED).plus(usd(totals, MovementKind.SOLD)),
            closingTotal,
            consumed,
            produced,
            balance.loss());
    List<WarrantyBalance.Difference> found = balance.differences();
    List<WarrantyBalance.Difference> detailed =
        found.subList(0, Math.min(found.size(), MAX_DETAILED));
    List<String> epcs = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    for (WarrantyBalance.Difference d : detailed) {
      (d.kind() == WarrantyBalance.DifferenceKind.LOT ? epcs : hashes).add(d.subject());
    }
    List<MovementRepository.Listed> listed =
        movements.movements(org.id(), epcs, hashes, end, MAX_LISTED);
    List<Difference> differences = new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      WarrantyBalance.Difference d = found.get(i);
      boolean lot = d.kind() == WarrantyBalance.DifferenceKind.LOT;
      List<Line> lines = new ArrayList<>();
      if (i < MAX_DETAILED) {
        for (MovementRepository.Listed m : listed) {
          if (lot ? m.epc().equals(d.subject()) : m.hashId().equals(d.subject())) {
            lines.add(
                new Line(
                    m.epc(),
                    m.hashId(),
                    m.eventId(),
                    m.kind().name().toLowerCase(java.util.Locale.ROOT),
                    m.warranted(),
                    m.carats(),
                    m.eventTime()));
          }
        }
      }
      differences.add(
          new Difference(
              d.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
              d.subject(),
              d.surplus(),
              d.shortfall(),
              d.message(),
              lines));
    }
    return new Report(
        org.id(),
        org.name(),
        from,
        to,
        figures,
        balance.surplus(),
        balance.shortfall(),
        TOLERANCE,
        balance.balanced(),
        balance.breaches().stream().map(Breach::message).toList(),
        differences);
  }

  private static Carats carats(Map<MovementKind, MovementRepository.Total> totals, MovementKind k) {
    MovementRepository.Total t = totals.get(k);
    return t == null ? Carats.ZERO : t.carats();
  }

  private static UsdAmount usd(Map<MovementKind, MovementRepository.Total> totals, MovementKind k) {
    MovementRepository.Total t = totals.get(k);
    return t == null ? UsdAmount.ZERO : t.usd();
  }
}

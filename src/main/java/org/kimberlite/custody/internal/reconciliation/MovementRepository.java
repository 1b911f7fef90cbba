package org.kimberlite.custody.internal.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.UsdAmount;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the warranted movements (custody_movement): written at capture, added up per organisation
 * and period for the reconciliation. Every read is scoped by the organisation.
 */
@Repository
public class MovementRepository {
  private static final String IN_KINDS = "('RECEIVED', 'COMMISSIONED', 'PRODUCED', 'PARCEL')";

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  public MovementRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  void insert(List<Movement> movements) {
    if (movements.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>(movements.size());
    for (Movement m : movements) {
      rows.add(
          new Object[] {
            m.organisation(),
            m.hashId(),
            m.epc(),
            m.kind().name(),
            m.warranted(),
            m.carats() == null ? null : m.carats().value(),
            m.usd() == null ? null : m.usd().value(),
            utc(m.eventTime())
          });
    }
    batch.batchUpdate(
        "insert into custody_movement (organisation_id, hash_id, epc, kind, warranted, carats,"
            + " usd, event_time) values (?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
  }

  /** Whether the organisation has any movement in [from, to) (one index seek). */
  public boolean moved(UUID organisation, Instant from, Instant to) {
    return jdbc.sql(
            "select 1 from custody_movement where organisation_id = :org"
                + " and event_time >= :from and event_time < :to fetch first 1 rows only")
        .param("org", organisation)
        .param("from", utc(from))
        .param("to", utc(to))
        .query(Integer.class)
        .optional()
        .isPresent();
  }

  /** Warranted carats and invoice amounts of one kind of movement. */
  public record Total(Carats carats, UsdAmount usd, long movements) {}

  /** The organisation's warranted movements in [from, to), by kind. */
  public Map<MovementKind, Total> totals(UUID organisation, Instant from, Instant to) {
    Map<MovementKind, Total> out = new EnumMap<>(MovementKind.class);
    jdbc.sql(
            "select kind, coalesce(sum(carats), 0) as carats, coalesce(sum(usd), 0) as usd,"
                + " count(*) as n from custody_movement where organisation_id = :org"
                + " and warranted = true and event_time >= :from and event_time < :to"
                + " group by kind")
        .param("org", organisation)
        .param("from", utc(from))
        .param("to", utc(to))
        .query(
            rs -> {
              out.put(
                  MovementKind.valueOf(rs.getString("kind")),
                  new Total(
                      Carats.of(rs.getBigDecimal("carats")),
                      UsdAmount.of(rs.getBigDecimal("usd")),
                      rs.getLong("n")));
            });
    return out;
  }

  /**
   * The warranted stock at {@code at}: each identifier whose last movement before then brought it
   * into the organisation's stock with a warranty, with the carats it came in with.
   */
  public Map<String, Carats> stock(UUID organisation, Instant at) {
    Map<String, Carats> out = new LinkedHashMap<>();
    jdbc.sql(
            "select m.epc, m.carats from custody_movement m where m.organisation_id = :org"
                + " and m.event_time < :at and m.warranted = true and m.kind in "
                + IN_KINDS
                + " and not exists (select 1 from custody_movement n"
                + " where n.organisation_id = :org and n.epc = m.epc and n.event_time < :at"
                + " and (n.event_time > m.event_time"
                + " or (n.event_time = m.event_time and n.seq > m.seq)))"
                + " order by m.epc")
        .param("org", organisation)
        .param("at", utc(at))
        .query(
            rs -> {
              out.put(rs.getString("epc"), carats(rs.getBigDecimal("carats")));
            });
    return out;
  }

  /** Each identifier's warranted carats in and out of stock in [from, to). */
  public record LotTotals(String epc, Carats in, Carats out) {}

  public List<LotTotals> lots(UUID organisation, Instant from, Instant to) {
    Map<String, Carats[]> byLot = new LinkedHashMap<>();
    jdbc.sql(
            "select epc, kind, coalesce(sum(carats), 0) as carats from custody_movement"
                + " where organisation_id = :org and warranted = true"
                + " and event_time >= :from and event_time < :to group by epc, kind order by epc")
        .param("org", organisation)
        .param("from", utc(from))
        .param("to", utc(to))
        .query(
            rs -> {
              Carats[] io =
                  byLot.computeIfAbsent(
                      rs.getString("epc"), k -> new Carats[] {Carats.ZERO, Carats.ZERO});
              int side = MovementKind.valueOf(rs.getString("kind")).in() ? 0 : 1;
              io[side] = io[side].plus(Carats.of(rs.getBigDecimal("carats")));
            });
    List<LotTotals> out = new ArrayList<>(byLot.size());
    byLot.forEach((epc, io) -> out.add(new LotTotals(epc, io[0], io[1])));
    return out;
  }

  /** One transformation's or aggregation's warranted carats, by kind. */
  public record EventTotals(String hashId, Map<MovementKind, Carats> carats) {}

  /** The transformations and aggregations of the organisation in [from, to). */
  public List<EventTotals> regroupings(UUID organisation, Instant from, Instant to) {
    Map<String, Map<MovementKind, Carats>> byEvent = new LinkedHashMap<>();
    jdbc.sql(
            "select hash_id, kind, coalesce(sum(carats), 0) as carats from custody_movement"
                + " where organisation_id = :org and warranted = true"
                + " and kind in ('CONSUMED', 'PRODUCED', 'PACKED', 'PARCEL')"
                + " and event_time >= :from and event_time < :to"
                + " group by hash_id, kind order by hash_id")
        .param("org", organisation)
        .param("from", utc(from))
        .param("to", utc(to))
        .query(
            rs -> {
              byEvent
                  .computeIfAbsent(rs.getString("hash_id"), k -> new EnumMap<>(MovementKind.class))
                  .put(
                      MovementKind.valueOf(rs.getString("kind")),
                      Carats.of(rs.getBigDecimal("carats")));
            });
    List<EventTotals> out = new ArrayList<>(byEvent.size());
    byEvent.forEach((hash, carats) -> out.add(new EventTotals(hash, carats)));
    return out;
  }

  /** A movement as a report lists it. */
  public record Listed(
      String epc,
      String hashId,
      String eventId,
      MovementKind kind,
      boolean warranted,
      @Nullable Carats carats,
      Instant eventTime) {}

  /**
   * The movements before {@code to} of the given identifiers, or of the given events (by hash ID),
   * in time order, at most {@code limit}.
   */
  public List<Listed> movements(
      UUID organisation, List<String> epcs, List<String> hashIds, Instant to, int limit) {
    if (epcs.isEmpty() && hashIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select m.epc, m.hash_id, e.event_id, m.kind, m.warranted, m.carats, m.event_time"
                + " from custody_movement m join custody_event e on e.hash_id = m.hash_id"
                + " where m.organisation_id = :org and m.event_time < :to"
                + " and (m.epc in (:epcs) or m.hash_id in (:hashes))"
                + " order by m.event_time, m.seq fetch first :limit rows only")
        .param("org", organisation)
        .param("to", utc(to))
        .param("epcs", epcs.isEmpty() ? List.of("") : epcs)
        .param("hashes", hashIds.isEmpty() ? List.of("") : hashIds)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Listed(
                    rs.getString("epc"),
                    rs.getString("hash_id"),
                    rs.getString("event_id"),
                    MovementKind.valueOf(rs.getString("kind")),
                    rs.getBoolean("warranted"),
                    rs.getBigDecimal("carats") == null
                        ? null
                        : Carats.of(rs.getBigDecimal("carats")),
                    rs.getObject("event_time", OffsetDateTime.class).toInstant()))
        .list();
  }

  private static Carats carats(@Nullable BigDecimal value) {
    return value == null ? Carats.ZERO : Carats.of(value);
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}

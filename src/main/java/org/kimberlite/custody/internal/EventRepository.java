package org.kimberlite.custody.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.CustodyState;
import org.kimberlite.custody.EpcRef;
import org.kimberlite.custody.ParsedEvent;
import org.kimberlite.custody.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of stored events and the identifiers they name. */
@Repository
public class EventRepository implements CustodyState {
  /** Most hash IDs asked about in one statement. */
  private static final int CHUNK = 500;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  public EventRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  static OffsetDateTime ts(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** An event to store, with the JSON a query will return and its log entry. */
  public record NewEvent(
      ParsedEvent event,
      String json,
      UUID capturedBy,
      UUID captureId,
      Instant recordTime,
      UUID logEntry) {}

  /** Stores the events and the identifiers they name, in two batches. */
  public void insertAll(List<NewEvent> events) {
    batch.batchUpdate(
        """
        insert into custody_event
          (hash_id, event_id, event_type, event_time, event_time_zone_offset, record_time, action,
           biz_step, disposition, read_point, biz_location, captured_by, capture_id, log_entry,
           event_json)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        events,
        events.size(),
        (ps, e) -> {
          ParsedEvent p = e.event();
          ps.setString(1, p.hashId());
          ps.setString(2, p.eventId());
          ps.setString(3, p.type());
          ps.setObject(4, ts(p.eventTime()));
          ps.setString(5, p.eventTimeZoneOffset());
          ps.setObject(6, ts(e.recordTime()));
          ps.setString(7, p.action());
          ps.setString(8, p.bizStep());
          ps.setString(9, p.disposition());
          ps.setString(10, p.readPoint());
          ps.setString(11, p.bizLocation());
          ps.setObject(12, e.capturedBy());
          ps.setObject(13, e.captureId());
          ps.setObject(14, e.logEntry());
          ps.setString(15, e.json());
        });
    List<Object[]> epcs = new ArrayList<>();
    for (NewEvent e : events) {
      for (EpcRef ref : e.event().epcs()) {
        epcs.add(new Object[] {e.event().hashId(), ref.role(), ref.value(), ref.canonical()});
      }
    }
    if (!epcs.isEmpty()) {
      batch.batchUpdate(
          "insert into custody_event_epc (hash_id, role, epc, canonical) values (?, ?, ?, ?)",
          epcs);
    }
  }

  @Override
  public Set<String> storedHashIds(Collection<String> hashIds) {
    Set<String> out = new HashSet<>();
    List<String> all = List.copyOf(new HashSet<>(hashIds));
    for (int from = 0; from < all.size(); from += CHUNK) {
      out.addAll(
          jdbc.sql("select hash_id from custody_event where hash_id in (:ids)")
              .param("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
              .query(String.class)
              .list());
    }
    return out;
  }

  @Override
  public List<StoredEvent> eventsNaming(Collection<String> canonicalEpcs, int limit) {
    if (canonicalEpcs.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from custody_event e where e.hash_id in (select x.hash_id from"
                + " custody_event_epc x where x.canonical in (:epcs) or x.epc in (:epcs))"
                + " order by e.event_time, e.seq fetch first :limit rows only")
        .param("epcs", List.copyOf(canonicalEpcs))
        .param("limit", limit)
        .query((rs, n) -> stored(rs))
        .list();
  }

  private static final String COLUMNS =
      "e.seq, e.hash_id, e.event_id, e.event_type, e.event_time, e.record_time, e.captured_by,"
          + " e.capture_id, e.log_entry, e.event_json";

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    if (t == null) {
      throw new SQLException(column + " is null");
    }
    return t.toInstant();
  }

  private static StoredEvent stored(ResultSet rs) throws SQLException {
    return new StoredEvent(
        rs.getLong("seq"),
        rs.getString("hash_id"),
        rs.getString("event_id"),
        rs.getString("event_type"),
        instant(rs, "event_time"),
        instant(rs, "record_time"),
        rs.getObject("captured_by", UUID.class),
        rs.getObject("capture_id", UUID.class),
        rs.getObject("log_entry", UUID.class),
        rs.getString("event_json"));
  }

  /** One event the owner may see, by its eventID or its hash ID. */
  public Optional<StoredEvent> find(UUID owner, String eventId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from custody_event e where e.captured_by = :owner and (e.event_id = :id or"
                + " e.hash_id = :id) order by e.seq fetch first 1 rows only")
        .param("owner", owner)
        .param("id", eventId)
        .query((rs, n) -> stored(rs))
        .optional();
  }

  public Optional<StoredEvent> byHashId(String hashId) {
    return jdbc.sql("select " + COLUMNS + " from custody_event e where e.hash_id = :id")
        .param("id", hashId)
        .query((rs, n) -> stored(rs))
        .optional();
  }

  public List<String> hashIds() {
    return jdbc.sql("select hash_id from custody_event order by seq").query(String.class).list();
  }

  /** A filter of the query interface, already in the stored forms. */
  public record Filter(
      UUID owner,
      List<String> eventTypes,
      @Nullable Instant geEventTime,
      @Nullable Instant ltEventTime,
      @Nullable Instant geRecordTime,
      @Nullable Instant ltRecordTime,
      List<String> bizSteps,
      List<String> dispositions,
      List<String> readPoints,
      List<String> bizLocations,
      List<String> eventIds,
      List<EpcMatch> matchEpc,
      List<EpcMatch> matchAnyEpc,
      long afterSeq,
      int limit) {}

  /** An identifier to match: exactly (as written or canonical), or every one under a prefix. */
  public record EpcMatch(String value, String canonical, @Nullable String canonicalPrefix) {}

  /** The events matching {@code f} in capture order after {@code f.afterSeq()}. */
  public List<StoredEvent> query(Filter f) {
    StringBuilder sql =
        new StringBuilder(
            "select " + COLUMNS + " from custody_event e where e.captured_by = :owner");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("owner", f.owner());
    sql.append(" and e.seq > :after");
    params.put("after", f.afterSeq());
    in(sql, params, "e.event_type", "types", f.eventTypes());
    in(sql, params, "e.biz_step", "steps", f.bizSteps());
    in(sql, params, "e.disposition", "dispositions", f.dispositions());
    in(sql, params, "e.read_point", "readPoints", f.readPoints());
    in(sql, params, "e.biz_location", "locations", f.bizLocations());
    if (!f.eventIds().isEmpty()) {
      sql.append(" and (e.event_id in (:eventIds) or e.hash_id in (:eventIds))");
      params.put("eventIds", f.eventIds());
    }
    time(sql, params, "e.event_time >= :geEventTime", "geEventTime", f.geEventTime());
    time(sql, params, "e.event_time < :ltEventTime", "ltEventTime", f.ltEventTime());
    time(sql, params, "e.record_time >= :geRecordTime", "geRecordTime", f.geRecordTime());
    time(sql, params, "e.record_time < :ltRecordTime", "ltRecordTime", f.ltRecordTime());
    epcs(sql, params, "m", List.of("epc", "child"), f.matchEpc());
    epcs(sql, params, "a", List.of("epc", "child", "input", "output", "parent"), f.matchAnyEpc());
    sql.append(" order by e.seq fetch first :limit rows only");
    params.put("limit", f.limit());
    JdbcClient.StatementSpec spec = jdbc.sql(sql.toString());
    for (var p : params.entrySet()) {
      spec = spec.param(p.getKey(), p.getValue());
    }
    return spec.query((rs, n) -> stored(rs)).list();
  }

  private static void in(
      StringBuilder sql,
      Map<String, Object> params,
      String column,
      String name,
      List<String> values) {
    if (!values.isEmpty()) {
      sql.append(" and ").append(column).append(" in (:").append(name).append(')');
      params.put(name, values);
    }
  }

  private static void time(
      StringBuilder sql,
      Map<String, Object> params,
      String clause,
      String name,
      @Nullable Instant t) {
    if (t != null) {
      sql.append(" and ").append(clause);
      params.put(name, ts(t));
    }
  }

  private static void epcs(
      StringBuilder sql,
      Map<String, Object> params,
      String prefix,
      List<String> roles,
      List<EpcMatch> matches) {
    if (matches.isEmpty()) {
      return;
    }
    sql.append(" and e.hash_id in (select x.hash_id from custody_event_epc x where x.role in (:")
        .append(prefix)
        .append("Roles) and (");
    params.put(prefix + "Roles", roles);
    for (int i = 0; i < matches.size(); i++) {
      EpcMatch m = matches.get(i);
      String n = prefix + i;
      if (i > 0) {
        sql.append(" or ");
      }
      if (m.canonicalPrefix() != null) {
        sql.append("x.canonical = :")
            .append(n)
            .append("c or x.canonical like :")
            .append(n)
            .append('p');
        params.put(n + "p", escapeLike(m.canonicalPrefix()) + "%");
      } else {
        sql.append("x.epc = :").append(n).append("v or x.canonical = :").append(n).append('c');
        params.put(n + "v", m.value());
      }
      params.put(n + "c", m.canonical());
    }
    sql.append("))");
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}

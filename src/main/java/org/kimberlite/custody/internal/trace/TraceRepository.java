package org.kimberlite.custody.internal.trace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.EpcRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the provenance trace: the events naming goods, and the consumer traces published. */
@Repository
public class TraceRepository {
  /** Most identifiers in one {@code in} list. */
  private static final int CHUNK = 500;

  private final JdbcClient jdbc;

  public TraceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored event as the trace reads it, with every identifier it names. */
  public record TraceEvent(
      long seq,
      String hashId,
      String eventId,
      String type,
      Instant eventTime,
      String eventTimeZoneOffset,
      @Nullable String action,
      @Nullable String bizStep,
      @Nullable String disposition,
      @Nullable String readPoint,
      @Nullable String bizLocation,
      UUID capturedBy,
      UUID logEntry,
      String json,
      List<EpcRef> epcs) {
    public TraceEvent {
      epcs = List.copyOf(epcs);
    }
  }

  /** Events naming goods, at most {@code limit} of them, and whether more exist. */
  public record Loaded(List<TraceEvent> events, boolean more) {
    public Loaded {
      events = List.copyOf(events);
    }
  }

  /**
   * The events naming any of {@code canonicalIds} (in any role), oldest first, at most {@code
   * limit}; {@code more} when others were left out.
   */
  public Loaded eventsNaming(Collection<String> canonicalIds, int limit) {
    List<String> ids = List.copyOf(canonicalIds);
    Map<String, TraceEvent> found = new LinkedHashMap<>();
    boolean more = false;
    for (int from = 0; from < ids.size() && limit > 0; from += CHUNK) {
      // The events' ids first, by the identifiers' index; then the events by their key (one
      // statement with a sub-select let a database walk every event in time order instead).
      List<String> hashes =
          jdbc.sql("select distinct hash_id from custody_event_epc where canonical in (:ids)")
              .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
              .query(String.class)
              .list();
      List<TraceEvent> rows = new ArrayList<>();
      for (int h = 0; h < hashes.size(); h += CHUNK) {
        rows.addAll(
            jdbc.sql(
                    "select e.seq, e.hash_id, e.event_id, e.event_type, e.event_time,"
                        + " e.event_time_zone_offset, e.action, e.biz_step, e.disposition,"
                        + " e.read_point, e.biz_location, e.captured_by, e.log_entry,"
                        + " e.event_json from custody_event e where e.hash_id in (:hashes)")
                .param("hashes", hashes.subList(h, Math.min(hashes.size(), h + CHUNK)))
                .query((rs, n) -> event(rs, List.of()))
                .list());
      }
      rows.sort(
          java.util.Comparator.comparing(TraceEvent::eventTime).thenComparingLong(TraceEvent::seq));
      if (rows.size() > limit + 1) {
        rows = new ArrayList<>(rows.subList(0, limit + 1));
      }
      for (TraceEvent e : rows) {
        found.putIfAbsent(e.hashId(), e);
      }
      if (rows.size() > limit) {
        more = true;
      }
    }
    List<TraceEvent> all = new ArrayList<>(found.values());
    all.sort(
        java.util.Comparator.comparing(TraceEvent::eventTime).thenComparingLong(TraceEvent::seq));
    if (all.size() > limit) {
      all = all.subList(0, limit);
      more = true;
    }
    Map<String, List<EpcRef>> refs = refs(all.stream().map(TraceEvent::hashId).toList());
    List<TraceEvent> out = new ArrayList<>();
    for (TraceEvent e : all) {
      out.add(
          new TraceEvent(
              e.seq(),
              e.hashId(),
              e.eventId(),
              e.type(),
              e.eventTime(),
              e.eventTimeZoneOffset(),
              e.action(),
              e.bizStep(),
              e.disposition(),
              e.readPoint(),
              e.bizLocation(),
              e.capturedBy(),
              e.logEntry(),
              e.json(),
              refs.getOrDefault(e.hashId(), List.of())));
    }
    return new Loaded(out, more);
  }

  private Map<String, List<EpcRef>> refs(List<String> hashIds) {
    Map<String, List<EpcRef>> out = new HashMap<>();
    for (int from = 0; from < hashIds.size(); from += CHUNK) {
      jdbc.sql(
              "select hash_id, role, epc, canonical from custody_event_epc"
                  + " where hash_id in (:ids)")
          .param("ids", hashIds.subList(from, Math.min(hashIds.size(), from + CHUNK)))
          .query(
              (ResultSet rs) -> {
                out.computeIfAbsent(rs.getString("hash_id"), k -> new ArrayList<>())
                    .add(
                        new EpcRef(
                            rs.getString("role"), rs.getString("epc"), rs.getString("canonical")));
              });
    }
    return out;
  }

  private static TraceEvent event(ResultSet rs, List<EpcRef> epcs) throws SQLException {
    return new TraceEvent(
        rs.getLong("seq"),
        rs.getString("hash_id"),
        rs.getString("event_id"),
        rs.getString("event_type"),
        rs.getObject("event_time", OffsetDateTime.class).toInstant(),
        rs.getString("event_time_zone_offset"),
        rs.getString("action"),
        rs.getString("biz_step"),
        rs.getString("disposition"),
        rs.getString("read_point"),
        rs.getString("biz_location"),
        rs.getObject("captured_by", UUID.class),
        rs.getObject("log_entry", UUID.class),
        rs.getString("event_json"),
        epcs);
  }

  /**
   * Who may publish goods: the holder, or once sold to a consumer the organisation that recorded
   * the sale.
   *
   * @param kind the goods' kind under the profile (ROUGH, POLISHED, JEWELLERY), or null
   */
  public record Keeper(
      @Nullable UUID holder, boolean sold, UUID lastCapturer, @Nullable String kind) {
    /** The organisation that holds the goods, or sold them last. */
    public @Nullable UUID keeper() {
      return sold ? lastCapturer : holder;
    }
  }

  public Optional<Keeper> keeper(String canonicalId) {
    return jdbc.sql(
            "select g.holder, g.sold, g.kind, e.captured_by from custody_goods g"
                + " join custody_event e on e.hash_id = g.last_event where g.epc = :epc")
        .param("epc", canonicalId)
        .query(
            (rs, n) ->
                new Keeper(
                    rs.getObject("holder", UUID.class),
                    rs.getBoolean("sold"),
                    rs.getObject("captured_by", UUID.class),
                    rs.getString("kind")))
        .optional();
  }

  /** A consumer trace published by {@code organisation}. */
  public record Published(String publicId, String epc, UUID organisation, Instant at) {}

  public Optional<Published> published(String publicId) {
    return jdbc.sql(
            "select public_id, epc, organisation_id, published_at from custody_public_trace"
                + " where public_id = :id")
        .param("id", publicId)
        .query(TraceRepository::published)
        .optional();
  }

  /** The organisation's publication of these goods, if any. */
  public Optional<Published> publishedBy(UUID organisation, String canonicalId) {
    return jdbc.sql(
            "select public_id, epc, organisation_id, published_at from custody_public_trace"
                + " where organisation_id = :org and epc = :epc")
        .param("org", organisation)
        .param("epc", canonicalId)
        .query(TraceRepository::published)
        .optional();
  }

  /** Publishes; false when the organisation had already published these goods (no change). */
  public boolean publish(Published p) {
    return jdbc.sql(
                "insert into custody_public_trace (public_id, epc, organisation_id, published_at)"
                    + " values (:id, :epc, :org, :at) on conflict do nothing")
            .param("id", p.publicId())
            .param("epc", p.epc())
            .param("org", p.organisation())
            .param("at", OffsetDateTime.ofInstant(p.at(), ZoneOffset.UTC))
            .update()
        == 1;
  }

  /** Withdraws the organisation's publication; false when it has none of that id. */
  public boolean withdraw(UUID organisation, String publicId) {
    return jdbc.sql(
                "delete from custody_public_trace where public_id = :id and organisation_id = :org")
            .param("id", publicId)
            .param("org", organisation)
            .update()
        == 1;
  }

  private static Published published(ResultSet rs, int n) throws SQLException {
    return new Published(
        rs.getString("public_id"),
        rs.getString("epc"),
        rs.getObject("organisation_id", UUID.class),
        rs.getObject("published_at", OffsetDateTime.class).toInstant());
  }
}

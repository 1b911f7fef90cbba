package org.kimberlite.custody.internal.profile;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.Nature;
import org.kimberlite.custody.internal.rules.Goods;
import org.kimberlite.custody.internal.rules.GoodsKind;
import org.kimberlite.custody.internal.rules.Origins;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the goods' state under the diamond profile and of the flags raised on stored events. */
@Repository
public class GoodsRepository {
  private static final int CHUNK = 500;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  public GoodsRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** What is known of these identifiers (those on record). */
  public Map<String, Goods> find(Collection<String> epcs) {
    Map<String, Goods> out = new HashMap<>();
    List<String> all = List.copyOf(new LinkedHashSet<>(epcs));
    for (int from = 0; from < all.size(); from += CHUNK) {
      jdbc.sql(
              "select epc, holder, pending_to, pending_warranted, nature, treated, origins,"
                  + " warranted, carats, kind, sold from custody_goods where epc in (:epcs)")
          .param("epcs", all.subList(from, Math.min(all.size(), from + CHUNK)))
          .query(
              (ResultSet rs) -> {
                out.put(rs.getString("epc"), goods(rs));
              });
    }
    return out;
  }

  /**
   * Writes what is known of these identifiers, each after the event {@code lastEvent} names: one
   * batch of upserts (PostgreSQL's {@code insert … on conflict … do update}, H2's {@code merge into
   * … key}), a row on record replaced whole as a delete and an insert would.
   */
  public void save(Map<String, Goods> goods, Map<String, String> lastEvent) {
    if (goods.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>();
    for (var e : goods.entrySet()) {
      Goods g = e.getValue();
      rows.add(
          new Object[] {
            e.getKey(),
            g.holder(),
            g.pendingTo(),
            g.pendingWarranted(),
            g.nature() == null ? null : g.nature().name(),
            g.treated(),
            origins(g.origins()),
            g.warranted(),
            g.carats() == null ? null : g.carats().value(),
            g.kind() == null ? null : g.kind().name(),
            g.sold(),
            lastEvent.get(e.getKey())
          });
    }
    batch.batchUpdate(isPostgres() ? UPSERT_POSTGRES : UPSERT_H2, rows);
  }

  private static final String GOODS_COLUMNS =
      "epc, holder, pending_to, pending_warranted, nature, treated, origins, warranted, carats,"
          + " kind, sold, last_event";

  private static final String UPSERT_POSTGRES =
      "insert into custody_goods ("
          + GOODS_COLUMNS
          + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (epc) do update set"
          + " holder = excluded.holder, pending_to = excluded.pending_to,"
          + " pending_warranted = excluded.pending_warranted, nature = excluded.nature,"
          + " treated = excluded.treated, origins = excluded.origins,"
          + " warranted = excluded.warranted, carats = excluded.carats, kind = excluded.kind,"
          + " sold = excluded.sold, last_event = excluded.last_event";

  private static final String UPSERT_H2 =
      "merge into custody_goods ("
          + GOODS_COLUMNS
          + ") key (epc) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private @Nullable Boolean postgres;

  /** Whether the database is PostgreSQL (asked once, on the connection in use). */
  private boolean isPostgres() {
    Boolean known = postgres;
    if (known == null) {
      known =
          Boolean.TRUE.equals(
              batch.execute(
                  (ConnectionCallback<Boolean>)
                      c ->
                          c.getMetaData()
                              .getDatabaseProductName()
                              .toLowerCase(Locale.ROOT)
                              .contains("postgres")));
      postgres = known;
    }
    return known;
  }

  /** A flag raised on a stored event. */
  public record Flag(String hashId, String rule, String pointer, String message) {}

  public void saveFlags(UUID organisation, List<Flag> flags, Instant at) {
    if (flags.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>();
    for (Flag f : flags) {
      rows.add(
          new Object[] {
            f.hashId(),
            organisation,
            f.rule(),
            f.pointer(),
            f.message().length() > 4000 ? f.message().substring(0, 4000) : f.message(),
            OffsetDateTime.ofInstant(at, ZoneOffset.UTC)
          });
    }
    batch.batchUpdate(
        "insert into custody_finding (hash_id, organisation_id, rule, pointer, message, found_at)"
            + " values (?, ?, ?, ?, ?, ?)",
        rows);
  }

  /** A stored finding as its organisation reads it. */
  public record StoredFlag(
      long seq,
      String hashId,
      String eventId,
      String rule,
      String pointer,
      String message,
      Instant foundAt) {}

  /** The organisation's findings, newest first, one page (asks one more to tell if more follow). */
  public List<StoredFlag> flags(UUID organisation, int page, int size) {
    return jdbc.sql(
            "select f.seq, f.hash_id, e.event_id, f.rule, f.pointer, f.message, f.found_at"
                + " from custody_finding f join custody_event e on e.hash_id = f.hash_id"
                + " where f.organisation_id = :org order by f.seq desc"
                + " offset :offset rows fetch first :limit rows only")
        .param("org", organisation)
        .param("offset", (long) page * size)
        .param("limit", size + 1)
        .query(
            (rs, n) ->
                new StoredFlag(
                    rs.getLong("seq"),
                    rs.getString("hash_id"),
                    rs.getString("event_id"),
                    rs.getString("rule"),
                    rs.getString("pointer"),
                    rs.getString("message"),
                    rs.getObject("found_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  /** A stored flag with its event's capture, capturer and goods, for due diligence. */
  public record SystemFlag(
      long seq,
      String hashId,
      String eventId,
      UUID organisation,
      String rule,
      String message,
      Instant foundAt,
      List<String> epcs) {}

  /** Flags of one capture job's events, or (captureId null) every flag after {@code afterSeq}. */
  public List<SystemFlag> systemFlags(@Nullable UUID captureId, long afterSeq, int limit) {
    List<SystemFlag> flags =
        jdbc.sql(
                "select f.seq, f.hash_id, e.event_id, f.organisation_id, f.rule, f.message,"
                    + " f.found_at from custody_finding f join custody_event e"
                    + " on e.hash_id = f.hash_id where f.seq > :after"
                    + " and (cast(:capture as uuid) is null or e.capture_id = :capture)"
                    + " order by f.seq fetch first :limit rows only")
            .param("after", afterSeq)
            .param("capture", captureId)
            .param("limit", limit)
            .query(
                (rs, n) ->
                    new SystemFlag(
                        rs.getLong("seq"),
                        rs.getString("hash_id"),
                        rs.getString("event_id"),
                        rs.getObject("organisation_id", UUID.class),
                        rs.getString("rule"),
                        rs.getString("message"),
                        rs.getObject("found_at", OffsetDateTime.class).toInstant(),
                        List.of()))
            .list();
    List<SystemFlag> out = new ArrayList<>(flags.size());
    for (SystemFlag f : flags) {
      List<String> epcs =
          jdbc.sql(
                  "select canonical from custody_event_epc where hash_id = :hash"
                      + " and role in ('epc', 'parent', 'child', 'output', 'class', 'childClass',"
                      + " 'outputClass') order by canonical")
              .param("hash", f.hashId())
              .query(String.class)
              .list();
      out.add(
          new SystemFlag(
              f.seq(),
              f.hashId(),
              f.eventId(),
              f.organisation(),
              f.rule(),
              f.message(),
              f.foundAt(),
              epcs));
    }
    return out;
  }

  private static String origins(Origins origins) {
    return switch (origins) {
      case Origins.Mixed m -> "mixed";
      case Origins.Listed l ->
          String.join(",", l.participants().stream().map(ParticipantCode::code).toList());
    };
  }

  private static Goods goods(ResultSet rs) throws SQLException {
    String origins = rs.getString("origins");
    Origins o;
    if (origins == null || origins.equals("mixed")) {
      o = Origins.MIXED;
    } else {
      TreeSet<ParticipantCode> codes = new TreeSet<>();
      int start = 0;
      while (start <= origins.length()) {
        int comma = origins.indexOf(',', start);
        int end = comma < 0 ? origins.length() : comma;
        codes.add(ParticipantCode.of(origins.substring(start, end)));
        start = end + 1;
      }
      o = new Origins.Listed(codes);
    }
    String nature = rs.getString("nature");
    String kind = rs.getString("kind");
    BigDecimal carats = rs.getBigDecimal("carats");
    return new Goods(
        rs.getObject("holder", UUID.class),
        rs.getObject("pending_to", UUID.class),
        rs.getBoolean("pending_warranted"),
        nature == null ? null : Nature.valueOf(nature),
        rs.getBoolean("treated"),
        o,
        rs.getBoolean("warranted"),
        carats == null ? null : Carats.of(carats),
        kind == null ? null : GoodsKind.valueOf(kind),
        rs.getBoolean("sold"));
  }
}

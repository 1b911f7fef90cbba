package org.kimberlite.custody.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of a company's own custody records for the console: the goods it holds (with the time and
 * business step of the event that last changed them, and whether a later event used them as an
 * input or packed them as a child) and the events it captured with business transactions.
 */
@Repository
public class CompanyRecordsRepository {
  private final JdbcClient jdbc;

  public CompanyRecordsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One row of custody_goods held by the organisation. */
  public record HeldRow(
      String epc,
      @Nullable UUID pendingTo,
      @Nullable String nature,
      boolean treated,
      String origins,
      boolean warranted,
      @Nullable BigDecimal carats,
      @Nullable String kind,
      Instant lastEventTime,
      @Nullable String lastBizStep,
      boolean used) {}

  /** The goods the organisation holds, newest change first. */
  public List<HeldRow> held(UUID organisation, int limit) {
    return jdbc.sql(
            """
            select g.epc, g.pending_to, g.nature, g.treated, g.origins, g.warranted, g.carats,
                   g.kind, e.event_time, e.biz_step,
                   case when exists (select 1 from custody_event_epc x
                                     where x.canonical = g.epc
                                       and x.role in ('input', 'inputClass', 'child', 'childClass'))
                        then true else false end as used
            from custody_goods g join custody_event e on e.hash_id = g.last_event
            where g.holder = :org
            order by e.event_time desc, g.epc
            fetch first :limit rows only
            """)
        .param("org", organisation)
        .param("limit", limit)
        .query((rs, n) -> held(rs))
        .list();
  }

  private static HeldRow held(ResultSet rs) throws SQLException {
    return new HeldRow(
        rs.getString("epc"),
        rs.getObject("pending_to", UUID.class),
        rs.getString("nature"),
        rs.getBoolean("treated"),
        rs.getString("origins"),
        rs.getBoolean("warranted"),
        rs.getBigDecimal("carats"),
        rs.getString("kind"),
        rs.getObject("event_time", OffsetDateTime.class).toInstant(),
        rs.getString("biz_step"),
        rs.getBoolean("used"));
  }

  /** An event with business transactions, as captured. */
  public record TransactionRow(String hashId, String eventId, Instant eventTime, String json) {}

  /** The organisation's events that name business transactions, newest first. */
  public List<TransactionRow> withTransactions(UUID organisation, int limit) {
    return jdbc.sql(
            """
            select hash_id, event_id, event_time, event_json from custody_event
            where captured_by = :org and event_json like '%"bizTransactionList"%'
            order by seq desc
            fetch first :limit rows only
            """)
        .param("org", organisation)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new TransactionRow(
                    rs.getString("hash_id"),
                    rs.getString("event_id"),
                    rs.getObject("event_time", OffsetDateTime.class).toInstant(),
                    rs.getString("event_json")))
        .list();
  }
}

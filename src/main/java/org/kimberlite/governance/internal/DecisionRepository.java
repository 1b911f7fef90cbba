package org.kimberlite.governance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.AppliedOrder;
import org.kimberlite.governance.Decision;
import org.kimberlite.governance.DecisionBody;
import org.kimberlite.governance.DecisionNumber;
import org.kimberlite.governance.DecisionOrder;
import org.kimberlite.registry.DatePrecision;
import org.kimberlite.registry.StatusChangeType;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Decisions, the participants they concern and their orders. Rows are inserted, never updated. */
@Repository
public class DecisionRepository {
  private static final String COLUMNS =
      """
      id, number, title, body, adopted_on, effective_on, date_precision, text, recommendation_id,
      source, recorded_at, recorded_by
      """;

  /** The most decisions listed at once. */
  public static final int MAX_LISTED = 1000;

  private final JdbcClient jdbc;

  public DecisionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean numberTaken(DecisionNumber number) {
    return jdbc.sql("select count(*) from governance_decision where number = :n")
            .param("n", number.value())
            .query(Long.class)
            .single()
        > 0;
  }

  public void insert(Decision d) {
    jdbc.sql(
            """
            insert into governance_decision
              (id, number, title, body, adopted_on, effective_on, date_precision, text,
               recommendation_id, source, recorded_at, recorded_by)
            values (:id, :number, :title, :body, :adopted, :effective, :precision, :text,
                    :recommendation, :source, :at, :by)
            """)
        .param("id", d.id())
        .param("number", d.number().value())
        .param("title", d.title())
        .param("body", d.body().name())
        .param("adopted", d.adoptedOn())
        .param("effective", d.effectiveOn())
        .param("precision", d.precision().name())
        .param("text", d.text())
        .param("recommendation", d.recommendation())
        .param("source", d.source())
        .param("at", OffsetDateTime.ofInstant(d.recordedAt(), ZoneOffset.UTC))
        .param("by", d.recordedBy())
        .update();
    for (ParticipantCode p : d.concerned()) {
      jdbc.sql(
              "insert into governance_decision_participant (decision_id, participant_code)"
                  + " values (:id, :code)")
          .param("id", d.id())
          .param("code", p.code())
          .update();
    }
    for (int i = 0; i < d.orders().size(); i++) {
      AppliedOrder a = d.orders().get(i);
      String kind;
      String change = null;
      String zone = null;
      switch (a.order()) {
        case DecisionOrder.StatusOrder s -> {
          kind = "STATUS";
          change = s.change().name();
        }
        case DecisionOrder.ZoneDeclaration z -> {
          kind = "ZONE";
          zone = z.zone();
        }
      }
      jdbc.sql(
              """
              insert into governance_decision_order
                (decision_id, position, kind, participant_code, change_type, zone,
                 registry_record_id)
              values (:id, :position, :kind, :code, :change, :zone, :record)
              """)
          .param("id", d.id())
          .param("position", i)
          .param("kind", kind)
          .param("code", a.order().participant().code())
          .param("change", change)
          .param("zone", zone)
          .param("record", a.registryId())
          .update();
    }
  }

  public Optional<Decision> find(UUID id) {
    return list("where id = :id", Map.of("id", id)).stream().findFirst();
  }

  public Optional<Decision> find(DecisionNumber number) {
    return list("where number = :n", Map.of("n", number.value())).stream().findFirst();
  }

  /** Decisions concerning {@code participant} (or all), by effective date, newest first. */
  public List<Decision> all(@Nullable ParticipantCode participant) {
    if (participant == null) {
      return list("", Map.of());
    }
    return list(
        """
        where id in (select decision_id from governance_decision_participant
                     where participant_code = :code)
        """,
        Map.of("code", participant.code()));
  }

  public List<UUID> ids() {
    return jdbc.sql("select id from governance_decision order by recorded_at, id")
        .query(UUID.class)
        .list();
  }

  private List<Decision> list(String where, Map<String, ?> params) {
    List<Row> rows =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from governance_decision "
                    + where
                    + " order by effective_on desc, recorded_at desc, number"
                    + " fetch first "
                    + MAX_LISTED
                    + " rows only")
            .params(params)
            .query(DecisionRepository::row)
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<ParticipantCode>> concerned = concerned(rows.stream().map(Row::id).toList());
    Map<UUID, List<AppliedOrder>> orders = orders(rows.stream().map(Row::id).toList());
    List<Decision> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(
          new Decision(
              r.id(),
              r.number(),
              r.title(),
              r.body(),
              r.adoptedOn(),
              r.effectiveOn(),
              r.precision(),
              r.text(),
              concerned.getOrDefault(r.id(), List.of()),
              orders.getOrDefault(r.id(), List.of()),
              r.recommendation(),
              r.source(),
              r.recordedAt().toInstant(),
              r.recordedBy()));
    }
    return out;
  }

  private Map<UUID, List<ParticipantCode>> concerned(Collection<UUID> ids) {
    Map<UUID, List<ParticipantCode>> out = new HashMap<>();
    jdbc.sql(
            """
            select decision_id, participant_code from governance_decision_participant
            where decision_id in (:ids) order by participant_code
            """)
        .param("ids", ids)
        .query(
            (ResultSet rs) -> {
              out.computeIfAbsent(rs.getObject("decision_id", UUID.class), k -> new ArrayList<>())
                  .add(ParticipantCode.of(rs.getString("participant_code").trim()));
            });
    return out;
  }

  private Map<UUID, List<AppliedOrder>> orders(Collection<UUID> ids) {
    Map<UUID, List<AppliedOrder>> out = new HashMap<>();
    jdbc.sql(
            """
            select decision_id, kind, participant_code, change_type, zone, registry_record_id
            from governance_decision_order where decision_id in (:ids)
            order by decision_id, position
            """)
        .param("ids", ids)
        .query(
            (ResultSet rs) -> {
              ParticipantCode code = ParticipantCode.of(rs.getString("participant_code").trim());
              long record = rs.getLong("registry_record_id");
              AppliedOrder a =
                  rs.getString("kind").equals("STATUS")
                      ? new AppliedOrder(
                          new DecisionOrder.StatusOrder(
                              code, StatusChangeType.valueOf(rs.getString("change_type"))),
                          AppliedOrder.statusRecord(record))
                      : new AppliedOrder(
                          new DecisionOrder.ZoneDeclaration(code, rs.getString("zone")),
                          AppliedOrder.zoneRecord(record));
              out.computeIfAbsent(rs.getObject("decision_id", UUID.class), k -> new ArrayList<>())
                  .add(a);
            });
    return out;
  }

  private record Row(
      UUID id,
      DecisionNumber number,
      String title,
      DecisionBody body,
      LocalDate adoptedOn,
      LocalDate effectiveOn,
      DatePrecision precision,
      String text,
      @Nullable UUID recommendation,
      @Nullable String source,
      OffsetDateTime recordedAt,
      String recordedBy) {}

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getObject("id", UUID.class),
        DecisionNumber.of(rs.getString("number")),
        rs.getString("title"),
        DecisionBody.valueOf(rs.getString("body")),
        rs.getObject("adopted_on", LocalDate.class),
        rs.getObject("effective_on", LocalDate.class),
        DatePrecision.valueOf(rs.getString("date_precision")),
        rs.getString("text"),
        rs.getObject("recommendation_id", UUID.class),
        rs.getString("source"),
        rs.getObject("recorded_at", OffsetDateTime.class),
        rs.getString("recorded_by"));
  }
}

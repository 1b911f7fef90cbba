package org.kimberlite.governance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kimberlite.governance.MonitoringTotals;
import org.kimberlite.governance.Recommendation;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the monitoring teams' recommendations. */
@Repository
public class RecommendationRepository {
  /** The most recommendations one participant's list reads. */
  public static final int MAX_LIST = 500;

  private static final String COLUMNS =
      """
      id, participant_code, recommended_on, text, evidence_from, evidence_to, evidence_as_of,
      deadline_days, exports, carats, value_usd, confirmed, late, unconfirmed, awaiting, in_zone,
      outside_zone, not_under_framework, evidence_truncated, source, organisation_id,
      organisation_name, recorded_at, recorded_by
      """;

  private final JdbcClient jdbc;

  RecommendationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Recommendation r) {
    MonitoringTotals t = r.evidence();
    jdbc.sql(
            "insert into governance_recommendation ("
                + COLUMNS
                + """
                ) values (:id, :participant, :recommendedOn, :text, :from, :to, :asOf,
                  :deadline, :exports, :carats, :value, :confirmed, :late, :unconfirmed,
                  :awaiting, :inZone, :outsideZone, :notUnder, :truncated, :source,
                  :organisation, :organisationName, :at, :by)
                """)
        .param("id", r.id())
        .param("participant", r.participant().code())
        .param("recommendedOn", r.recommendedOn())
        .param("text", r.text())
        .param("from", r.evidenceFrom())
        .param("to", r.evidenceTo())
        .param("asOf", r.evidenceAsOf())
        .param("deadline", r.deadlineDays())
        .param("exports", t.exports())
        .param("carats", t.carats().value())
        .param("value", t.valueUsd().value())
        .param("confirmed", t.confirmed())
        .param("late", t.late())
        .param("unconfirmed", t.unconfirmed())
        .param("awaiting", t.awaiting())
        .param("inZone", t.inZone())
        .param("outsideZone", t.outsideZone())
        .param("notUnder", t.notUnderFramework())
        .param("truncated", r.evidenceTruncated())
        .param("source", r.source())
        .param("organisation", r.organisationId())
        .param("organisationName", r.organisationName())
        .param("at", OffsetDateTime.ofInstant(r.recordedAt(), ZoneOffset.UTC))
        .param("by", r.recordedBy())
        .update();
  }

  public boolean exists(UUID id) {
    return jdbc.sql("select count(*) from governance_recommendation where id = :id")
            .param("id", id)
            .query(Long.class)
            .single()
        > 0;
  }

  public Optional<Recommendation> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from governance_recommendation where id = :id")
        .param("id", id)
        .query(RecommendationRepository::row)
        .optional();
  }

  /** A participant's recommendations, newest first. */
  public List<Recommendation> of(ParticipantCode participant) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from governance_recommendation where participant_code = :p"
                + " order by recommended_on desc, recorded_at desc fetch first "
                + MAX_LIST
                + " rows only")
        .param("p", participant.code())
        .query(RecommendationRepository::row)
        .list();
  }

  public List<UUID> ids() {
    return jdbc.sql("select id from governance_recommendation order by recorded_at, id")
        .query((rs, n) -> rs.getObject("id", UUID.class))
        .list();
  }

  private static Recommendation row(ResultSet rs, int n) throws SQLException {
    return new Recommendation(
        rs.getObject("id", UUID.class),
        ParticipantCode.of(rs.getString("participant_code")),
        rs.getObject("recommended_on", LocalDate.class),
        rs.getString("text"),
        rs.getObject("evidence_from", LocalDate.class),
        rs.getObject("evidence_to", LocalDate.class),
        rs.getObject("evidence_as_of", LocalDate.class),
        rs.getInt("deadline_days"),
        new MonitoringTotals(
            rs.getInt("exports"),
            Carats.of(rs.getBigDecimal("carats")),
            UsdAmount.of(rs.getBigDecimal("value_usd")),
            rs.getInt("confirmed"),
            rs.getInt("late"),
            rs.getInt("unconfirmed"),
            rs.getInt("awaiting"),
            rs.getInt("in_zone"),
            rs.getInt("outside_zone"),
            rs.getInt("not_under_framework")),
        rs.getBoolean("evidence_truncated"),
        rs.getString("source"),
        rs.getObject("organisation_id", UUID.class),
        rs.getString("organisation_name"),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
        rs.getString("recorded_by"));
  }
}

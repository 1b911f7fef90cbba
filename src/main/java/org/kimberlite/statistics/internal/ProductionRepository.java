package org.kimberlite.statistics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.statistics.ProductionReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Production reports, every revision kept. */
@Repository
public class ProductionRepository {
  private static final String COLUMNS =
      """
      participant_code, participant_label, report_year, half, revision, carats, value_usd,
      industrial_carats, artisanal_carats, reason, source, submitted_by, submitted_at
      """;

  private final JdbcClient jdbc;

  public ProductionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public int nextRevision(String label, int year, String half) {
    return jdbc.sql(
                """
                select coalesce(max(revision), 0) from stat_production
                where participant_label = :label and report_year = :year and half = :half
                """)
            .param("label", label)
            .param("year", year)
            .param("half", half)
            .query(Integer.class)
            .single()
        + 1;
  }

  public void insert(ProductionReport r) {
    jdbc.sql(
            """
            insert into stat_production
              (participant_code, participant_label, report_year, half, revision, carats, value_usd,
               industrial_carats, artisanal_carats, reason, source, submitted_by, submitted_at)
            values (:code, :label, :year, :half, :revision, :carats, :value, :industrial,
                    :artisanal, :reason, :source, :by, :at)
            """)
        .param("code", r.participant() == null ? null : r.participant().code())
        .param("label", r.label())
        .param("year", r.year())
        .param("half", r.half())
        .param("revision", r.revision())
        .param("carats", r.carats().value())
        .param("value", r.valueUsd().value())
        .param("industrial", r.industrialCarats() == null ? null : r.industrialCarats().value())
        .param("artisanal", r.artisanalCarats() == null ? null : r.artisanalCarats().value())
        .param("reason", r.reason())
        .param("source", r.source())
        .param("by", r.submittedBy())
        .param("at", OffsetDateTime.ofInstant(r.submittedAt(), ZoneOffset.UTC))
        .update();
  }

  /** The latest revision of every report in the years asked. */
  public List<ProductionReport> current(int fromYear, int toYear) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + """
                 from stat_production p
                where report_year between :from and :to
                  and revision = (select max(revision) from stat_production q
                                  where q.participant_label = p.participant_label
                                    and q.report_year = p.report_year and q.half = p.half)
                order by report_year, participant_label, half
                """)
        .param("from", fromYear)
        .param("to", toYear)
        .query((rs, n) -> report(rs))
        .list();
  }

  /** Every revision of a participant's reports, oldest first. */
  public List<ProductionReport> history(String label, @Nullable Integer year) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + """
                 from stat_production
                where participant_label = :label
                  and (cast(:year as integer) is null or report_year = :year)
                order by report_year, half, revision
                """)
        .param("label", label)
        .param("year", year)
        .query((rs, n) -> report(rs))
        .list();
  }

  private static ProductionReport report(ResultSet rs) throws SQLException {
    String code = rs.getString("participant_code");
    return new ProductionReport(
        code == null ? null : ParticipantCode.of(code),
        rs.getString("participant_label"),
        rs.getInt("report_year"),
        rs.getString("half"),
        rs.getInt("revision"),
        Carats.of(rs.getBigDecimal("carats")),
        UsdAmount.of(rs.getBigDecimal("value_usd")),
        carats(rs.getBigDecimal("industrial_carats")),
        carats(rs.getBigDecimal("artisanal_carats")),
        rs.getString("reason"),
        rs.getString("source"),
        rs.getString("submitted_by"),
        rs.getObject("submitted_at", OffsetDateTime.class).toInstant());
  }

  private static @Nullable Carats carats(java.math.@Nullable BigDecimal d) {
    return d == null ? null : Carats.of(d);
  }
}

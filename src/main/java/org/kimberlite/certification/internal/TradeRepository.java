package org.kimberlite.certification.internal;

import java.util.List;
import org.kimberlite.certification.TradeRow;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Aggregates over the certificates for the statistics: exports by quarter of issue (every
 * certificate but cancelled ones), imports by quarter of the importing authority's confirmation.
 */
@Repository
public class TradeRepository {
  private final JdbcClient jdbc;

  public TradeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<TradeRow> exports(int fromYear, int toYear) {
    return rows("EXPORT", fromYear, toYear);
  }

  private List<TradeRow> rows(String direction, int fromYear, int toYear) {
    return jdbc.sql(
            """
            select exporter, importer, period_year, period_quarter, hs_code, carats, value_usd,
                   certificates
            from kp_trade_aggregate
            where direction = :direction and hs_code <> '*' and certificates <> 0
              and period_year between :from and :to
            order by exporter, importer, period_year, period_quarter, hs_code
            """)
        .param("direction", direction)
        .param("from", fromYear)
        .param("to", toYear)
        .query(
            (rs, n) ->
                new TradeRow(
                    ParticipantCode.of(rs.getString("exporter")),
                    ParticipantCode.of(rs.getString("importer")),
                    rs.getInt("period_year"),
                    rs.getInt("period_quarter"),
                    HsCode.of(rs.getString("hs_code")),
                    Carats.of(rs.getBigDecimal("carats")),
                    UsdAmount.of(rs.getBigDecimal("value_usd")),
                    rs.getLong("certificates")))
        .list();
  }

  private java.util.Map<ParticipantCode, Long> counts(String direction, String by, int year) {
    java.util.Map<ParticipantCode, Long> out = new java.util.TreeMap<>();
    jdbc.sql(
            "select "
                + by
                + " as participant, sum(certificates) as n from kp_trade_aggregate"
                + " where direction = :direction and hs_code = '*' and period_year = :year"
                + " group by "
                + by
                + " having sum(certificates) <> 0")
        .param("direction", direction)
        .param("year", year)
        .query(
            (java.sql.ResultSet rs) -> {
              out.put(ParticipantCode.of(rs.getString("participant")), rs.getLong("n"));
            });
    return out;
  }

  /** Certificates issued for export in a year (not cancelled), by exporting participant. */
  public java.util.Map<ParticipantCode, Long> issuedCounts(int year) {
    return counts("EXPORT", "exporter", year);
  }

  /** Shipments imported with a certificate in a year (confirmed), by importing participant. */
  public java.util.Map<ParticipantCode, Long> importedCounts(int year) {
    return counts("IMPORT", "importer", year);
  }

  public List<TradeRow> imports(int fromYear, int toYear) {
    return rows("IMPORT", fromYear, toYear);
  }
}

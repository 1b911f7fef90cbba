package org.kimberlite.certification.internal;

import java.util.List;
import org.kimberlite.certification.TradeRow;
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
    return jdbc.sql(
            """
            select c.issuing_participant as exporter, c.importing_participant as importer,
                   extract(year from c.issued_on) as y,
                   floor((extract(month from c.issued_on) - 1) / 3) + 1 as q,
                   l.hs_code, sum(l.carats) as carats, sum(l.value_usd) as value_usd,
                   count(distinct c.number) as certificates
            from kp_certificate c join kp_certificate_line l on l.number = c.number
            where c.status <> 'CANCELLED'
              and c.issued_on >= :from and c.issued_on < :to
            group by c.issuing_participant, c.importing_participant, extract(year from c.issued_on),
                     floor((extract(month from c.issued_on) - 1) / 3) + 1, l.hs_code
            order by 1, 2, 3, 4, 5
            """)
        .param("from", java.time.LocalDate.of(fromYear, 1, 1))
        .param("to", java.time.LocalDate.of(toYear + 1, 1, 1))
        .query(
            (rs, n) ->
                new TradeRow(
                    rs.getString("exporter"),
                    rs.getString("importer"),
                    rs.getInt("y"),
                    rs.getInt("q"),
                    rs.getString("hs_code"),
                    rs.getBigDecimal("carats").setScale(2),
                    rs.getBigDecimal("value_usd").setScale(2),
                    rs.getLong("certificates")))
        .list();
  }

  /** Certificates issued for export in a year (not cancelled), by exporting participant. */
  public java.util.Map<String, Long> issuedCounts(int year) {
    java.util.Map<String, Long> out = new java.util.TreeMap<>();
    jdbc.sql(
            """
            select issuing_participant, count(*) as n from kp_certificate
            where status <> 'CANCELLED' and issued_on >= :from and issued_on < :to
            group by issuing_participant
            """)
        .param("from", java.time.LocalDate.of(year, 1, 1))
        .param("to", java.time.LocalDate.of(year + 1, 1, 1))
        .query(
            (java.sql.ResultSet rs) -> {
              out.put(rs.getString("issuing_participant"), rs.getLong("n"));
            });
    return out;
  }

  /** Shipments imported with a certificate in a year (confirmed), by importing participant. */
  public java.util.Map<String, Long> importedCounts(int year) {
    java.util.Map<String, Long> out = new java.util.TreeMap<>();
    jdbc.sql(
            """
            select c.importing_participant, count(*) as n
            from kp_certificate c
              join kp_certificate_event e on e.number = c.number and e.status = 'CONFIRMED'
            where e.effective_on >= :from and e.effective_on < :to
            group by c.importing_participant
            """)
        .param("from", java.time.LocalDate.of(year, 1, 1))
        .param("to", java.time.LocalDate.of(year + 1, 1, 1))
        .query(
            (java.sql.ResultSet rs) -> {
              out.put(rs.getString("importing_participant"), rs.getLong("n"));
            });
    return out;
  }

  public List<TradeRow> imports(int fromYear, int toYear) {
    return jdbc.sql(
            """
            select c.issuing_participant as exporter, c.importing_participant as importer,
                   extract(year from e.effective_on) as y,
                   floor((extract(month from e.effective_on) - 1) / 3) + 1 as q,
                   l.hs_code, sum(l.carats) as carats, sum(l.value_usd) as value_usd,
                   count(distinct c.number) as certificates
            from kp_certificate c
              join kp_certificate_event e on e.number = c.number and e.status = 'CONFIRMED'
              join kp_certificate_line l on l.number = c.number
            where e.effective_on >= :from and e.effective_on < :to
            group by c.issuing_participant, c.importing_participant, extract(year from e.effective_on),
                     floor((extract(month from e.effective_on) - 1) / 3) + 1, l.hs_code
            order by 1, 2, 3, 4, 5
            """)
        .param("from", java.time.LocalDate.of(fromYear, 1, 1))
        .param("to", java.time.LocalDate.of(toYear + 1, 1, 1))
        .query(
            (rs, n) ->
                new TradeRow(
                    rs.getString("exporter"),
                    rs.getString("importer"),
                    rs.getInt("y"),
                    rs.getInt("q"),
                    rs.getString("hs_code"),
                    rs.getBigDecimal("carats").setScale(2),
                    rs.getBigDecimal("value_usd").setScale(2),
                    rs.getLong("certificates")))
        .list();
  }
}

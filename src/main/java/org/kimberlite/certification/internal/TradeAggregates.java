package org.kimberlite.certification.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.kimberlite.certification.CertificateLine;
import org.kimberlite.certification.KpCertificate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code kp_trade_aggregate} in step with the certificates, inside the transaction that
 * changes them: issue adds to exports, cancellation takes the export back, confirmation adds to
 * imports. Additions are upserts (PostgreSQL {@code ON CONFLICT}, atomic; standard {@code MERGE} on
 * H2, retried once when two writers create the same new row), so no update is lost.
 */
@Component
public class TradeAggregates {
  static final String CERTIFICATES = "*";

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private volatile Boolean postgres;

  public TradeAggregates(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  public void issued(KpCertificate c) {
    apply("EXPORT", c, c.issuedOn(), 1);
  }

  public void cancelled(KpCertificate c) {
    apply("EXPORT", c, c.issuedOn(), -1);
  }

  public void confirmed(KpCertificate c, LocalDate receivedOn) {
    apply("IMPORT", c, receivedOn, 1);
  }

  private void apply(String direction, KpCertificate c, LocalDate day, int sign) {
    BigDecimal s = BigDecimal.valueOf(sign);
    int quarter = (day.getMonthValue() - 1) / 3 + 1;
    for (CertificateLine l : c.lines()) {
      add(
          direction,
          c,
          day.getYear(),
          quarter,
          l.hsCode().code(),
          l.carats().value().multiply(s),
          l.valueUsd().value().multiply(s),
          sign);
    }
    add(
        direction,
        c,
        day.getYear(),
        quarter,
        CERTIFICATES,
        c.carats().value().multiply(s),
        c.valueUsd().value().multiply(s),
        sign);
  }

  private void add(
      String direction,
      KpCertificate c,
      int year,
      int quarter,
      String hs,
      BigDecimal carats,
      BigDecimal value,
      long certificates) {
    String sql =
        isPostgres()
            ? """
              insert into kp_trade_aggregate
                (direction, exporter, importer, period_year, period_quarter, hs_code, carats,
                 value_usd, certificates)
              values (:d, :e, :i, :y, :q, :hs, :c, :v, :n)
              on conflict (direction, exporter, importer, period_year, period_quarter, hs_code)
              do update set carats = kp_trade_aggregate.carats + excluded.carats,
                            value_usd = kp_trade_aggregate.value_usd + excluded.value_usd,
                            certificates = kp_trade_aggregate.certificates + excluded.certificates
              """
            : """
              merge into kp_trade_aggregate t
              using (values (cast(:d as varchar(6)), cast(:e as varchar(8)), cast(:i as varchar(8)),
                             cast(:y as integer), cast(:q as integer), cast(:hs as varchar(10)),
                             cast(:c as numeric(18,2)), cast(:v as numeric(20,2)), cast(:n as bigint)))
                as s (direction, exporter, importer, period_year, period_quarter, hs_code, carats,
                      value_usd, certificates)
              on t.direction = s.direction and t.exporter = s.exporter and t.importer = s.importer
                 and t.period_year = s.period_year and t.period_quarter = s.period_quarter
                 and t.hs_code = s.hs_code
              when matched then update set carats = t.carats + s.carats,
                   value_usd = t.value_usd + s.value_usd, certificates = t.certificates + s.certificates
              when not matched then insert
                (direction, exporter, importer, period_year, period_quarter, hs_code, carats,
                 value_usd, certificates)
                values (s.direction, s.exporter, s.importer, s.period_year, s.period_quarter,
                        s.hs_code, s.carats, s.value_usd, s.certificates)
              """;
    try {
      upsert(sql, direction, c, year, quarter, hs, carats, value, certificates);
    } catch (org.springframework.dao.DuplicateKeyException concurrentFirstRow) {
      // Two transactions created the same new row at once; H2 (the only database that gets
      // here) keeps the transaction usable, and the second attempt finds the row and adds to it.
      upsert(sql, direction, c, year, quarter, hs, carats, value, certificates);
    }
  }

  private void upsert(
      String sql,
      String direction,
      KpCertificate c,
      int year,
      int quarter,
      String hs,
      BigDecimal carats,
      BigDecimal value,
      long certificates) {
    jdbc.sql(sql)
        .param("d", direction)
        .param("e", c.issuingParticipant().code())
        .param("i", c.importingParticipant().code())
        .param("y", year)
        .param("q", quarter)
        .param("hs", hs)
        .param("c", carats)
        .param("v", value)
        .param("n", certificates)
        .update();
  }

  /** Recomputes every aggregate from the certificates (after a bulk load, or to repair). */
  public void rebuild() {
    jdbc.sql("delete from kp_trade_aggregate").update();
    for (String hsColumn : new String[] {"l.hs_code", "'*'"}) {
      String join =
          hsColumn.equals("'*'") ? "" : " join kp_certificate_line l on l.number = c.number";
      String carats = hsColumn.equals("'*'") ? "c.carats" : "l.carats";
      String value = hsColumn.equals("'*'") ? "c.value_usd" : "l.value_usd";
      jdbc.sql(
              "insert into kp_trade_aggregate (direction, exporter, importer, period_year,"
                  + " period_quarter, hs_code, carats, value_usd, certificates)"
                  + " select 'EXPORT', c.issuing_participant, c.importing_participant,"
                  + " extract(year from c.issued_on), floor((extract(month from c.issued_on) - 1) / 3) + 1, "
                  + hsColumn
                  + ", sum("
                  + carats
                  + "), sum("
                  + value
                  + "), count(*) from kp_certificate c"
                  + join
                  + " where c.status <> 'CANCELLED' group by c.issuing_participant,"
                  + " c.importing_participant, extract(year from c.issued_on),"
                  + " floor((extract(month from c.issued_on) - 1) / 3) + 1"
                  + (hsColumn.equals("'*'") ? "" : ", l.hs_code"))
          .update();
      jdbc.sql(
              "insert into kp_trade_aggregate (direction, exporter, importer, period_year,"
                  + " period_quarter, hs_code, carats, value_usd, certificates)"
                  + " select 'IMPORT', c.issuing_participant, c.importing_participant,"
                  + " extract(year from e.effective_on), floor((extract(month from e.effective_on) - 1) / 3) + 1, "
                  + hsColumn
                  + ", sum("
                  + carats
                  + "), sum("
                  + value
                  + "), count(*) from kp_certificate c join kp_certificate_event e"
                  + " on e.number = c.number and e.status = 'CONFIRMED'"
                  + join
                  + " group by c.issuing_participant, c.importing_participant,"
                  + " extract(year from e.effective_on), floor((extract(month from e.effective_on) - 1) / 3) + 1"
                  + (hsColumn.equals("'*'") ? "" : ", l.hs_code"))
          .update();
    }
  }

  private boolean isPostgres() {
    if (postgres == null) {
      try (Connection c = dataSource.getConnection()) {
        postgres =
            c.getMetaData()
                .getDatabaseProductName()
                .toLowerCase(java.util.Locale.ROOT)
                .contains("postgres");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    return postgres;
  }
}

package org.kimberlite.certification.internal;

import java.time.LocalDate;
import java.util.List;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.certification.ExportConfirmation;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of a participant's exports matched with their import confirmations. */
@Repository
public class ExportConfirmationRepository {
  private final JdbcClient jdbc;

  public ExportConfirmationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Exports issued by {@code issuing} in the period, not cancelled, oldest first. */
  public List<ExportConfirmation> exports(
      String issuing, LocalDate from, LocalDate to, int offset, int limit) {
    return jdbc.sql(
            """
            select c.number, c.issued_on, c.importing_participant, c.carats, c.value_usd,
                   c.origin_zone, c.status, e.effective_on as confirmed_on
            from kp_certificate c
            left join kp_certificate_event e on e.number = c.number and e.status = 'CONFIRMED'
            where c.issuing_participant = :issuing and c.status <> 'CANCELLED'
              and c.issued_on between :from and :to
            order by c.issued_on, c.number
            offset :offset rows fetch next :limit rows only
            """)
        .param("issuing", issuing)
        .param("from", from)
        .param("to", to)
        .param("offset", offset)
        .param("limit", limit)
        .query(
            (rs, n) -> {
              java.sql.Date confirmed = rs.getDate("confirmed_on");
              return new ExportConfirmation(
                  rs.getString("number"),
                  rs.getObject("issued_on", LocalDate.class),
                  ParticipantCode.of(rs.getString("importing_participant")),
                  Carats.of(rs.getBigDecimal("carats")),
                  UsdAmount.of(rs.getBigDecimal("value_usd")),
                  rs.getString("origin_zone"),
                  CertificateStatus.valueOf(rs.getString("status")),
                  confirmed == null ? null : rs.getObject("confirmed_on", LocalDate.class));
            })
        .list();
  }
}

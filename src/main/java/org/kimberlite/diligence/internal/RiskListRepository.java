package org.kimberlite.diligence.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kimberlite.diligence.RiskEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The risk lists, with every entry ever recorded (ended ones keep their dates). */
@Repository
public class RiskListRepository {
  private final JdbcClient jdbc;

  public RiskListRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<RiskEntry> all() {
    return jdbc.sql("select * from diligence_risk_entry order by list, subject, valid_from")
        .query(
            (rs, n) ->
                new RiskEntry(
                    rs.getObject("id", UUID.class),
                    rs.getString("list"),
                    rs.getString("subject"),
                    rs.getString("related_to"),
                    rs.getObject("valid_from", LocalDate.class),
                    rs.getObject("valid_to", LocalDate.class),
                    rs.getString("source"),
                    rs.getString("recorded_by"),
                    rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  public Optional<RiskEntry> find(UUID id) {
    return all().stream().filter(e -> e.id().equals(id)).findFirst();
  }

  public void insert(RiskEntry e) {
    jdbc.sql(
            """
            insert into diligence_risk_entry (id, list, subject, related_to, valid_from, valid_to,
              source, recorded_by, recorded_at, version)
            values (:id, :list, :subject, :related, :from, :to, :source, :by, :at, 0)
            """)
        .param("id", e.id())
        .param("list", e.list())
        .param("subject", e.subject())
        .param("related", e.relatedTo())
        .param("from", e.validFrom())
        .param("to", e.validTo())
        .param("source", e.source())
        .param("by", e.recordedBy())
        .param("at", OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC))
        .update();
  }

  /** Ends an entry still in force; 0 when it was ended already or is unknown. */
  public int end(UUID id, LocalDate validTo, String by) {
    return jdbc.sql(
            """
            update diligence_risk_entry set valid_to = :to, ended_by = :by, version = version + 1
            where id = :id and valid_to is null and valid_from <= :to
            """)
        .param("to", validTo)
        .param("by", by)
        .param("id", id)
        .update();
  }
}

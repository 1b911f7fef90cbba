package org.kimberlite.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.AuditRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Audit records of administrative actions; append-only. */
@Repository
public class AuditRepository {
  private final JdbcClient jdbc;

  public AuditRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(AuditRecord r) {
    jdbc.sql(
            """
            insert into audit_record (id, recorded_at, account_id, username, organisation_id,
              action, subject, details)
            values (:id, :at, :account, :username, :organisation, :action, :subject, :details)
            """)
        .param("id", r.id())
        .param("at", Jdbc.timestamp(r.recordedAt()))
        .param("account", r.accountId())
        .param("username", r.username())
        .param("organisation", r.organisationId())
        .param("action", r.action())
        .param("subject", r.subject())
        .param("details", r.details())
        .update();
  }

  /** A page, newest first: of one organisation, or of all when {@code organisation} is null. */
  public List<AuditRecord> page(@Nullable UUID organisation, int page, int size) {
    String where = organisation == null ? "" : "where organisation_id = :organisation ";
    var statement =
        jdbc.sql(
                "select id, recorded_at, account_id, username, organisation_id, action, subject,"
                    + " details from audit_record "
                    + where
                    + "order by seq desc limit :size offset :offset")
            .param("size", size)
            .param("offset", (long) page * size);
    if (organisation != null) {
      statement = statement.param("organisation", organisation);
    }
    return statement.query(AuditRepository::row).list();
  }

  public Optional<AuditRecord> find(UUID id) {
    return jdbc.sql(
            """
            select id, recorded_at, account_id, username, organisation_id, action, subject, details
            from audit_record where id = :id
            """)
        .param("id", id)
        .query(AuditRepository::row)
        .optional();
  }

  public List<UUID> ids() {
    return jdbc.sql("select id from audit_record order by seq")
        .query((rs, n) -> Jdbc.uuid(rs, "id"))
        .list();
  }

  private static AuditRecord row(ResultSet rs, int n) throws SQLException {
    return new AuditRecord(
        Jdbc.uuid(rs, "id"),
        Jdbc.instant(rs, "recorded_at"),
        Jdbc.uuid(rs, "account_id"),
        rs.getString("username"),
        Jdbc.uuid(rs, "organisation_id"),
        rs.getString("action"),
        rs.getString("subject"),
        rs.getString("details"));
  }
}

package org.kimberlite.governance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.Body;
import org.kimberlite.governance.Membership;
import org.kimberlite.governance.Seat;
import org.kimberlite.registry.Organisation;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Seats on the working bodies. */
@Repository
public class MembershipRepository {
  private static final String COLUMNS =
      "id, body, participant_code, organisation_id, organisation_name, seat, appointed_at,"
          + " appointed_by";

  private final JdbcClient jdbc;

  public MembershipRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean sits(UUID organisationId, Body body, @Nullable ParticipantCode concerning) {
    return jdbc.sql(
                """
            select count(*) from governance_membership
            where organisation_id = :org and body = :body
              and participant_code = :participant
            """)
            .param("org", organisationId)
            .param("body", body.name())
            .param("participant", concerning == null ? "" : concerning.code())
            .query(Long.class)
            .single()
        > 0;
  }

  public List<Membership> all() {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from governance_membership order by body, participant_code, seat, organisation_name")
        .query(MembershipRepository::row)
        .list();
  }

  public Optional<Membership> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from governance_membership where id = :id")
        .param("id", id)
        .query(MembershipRepository::row)
        .optional();
  }

  public Membership insert(
      Body body,
      @Nullable ParticipantCode concerning,
      Organisation organisation,
      Seat seat,
      Instant at,
      String by) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into governance_membership
              (body, participant_code, organisation_id, organisation_name, seat, appointed_at,
               appointed_by)
            values (:body, :participant, :org, :name, :seat, :at, :by)
            """)
        .param("body", body.name())
        .param("participant", concerning == null ? "" : concerning.code())
        .param("org", organisation.id())
        .param("name", organisation.name())
        .param("seat", seat.name())
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .param("by", by)
        .update(keys, "id");
    Number key = keys.getKeys() == null ? keys.getKey() : (Number) keys.getKeys().get("id");
    long id = java.util.Objects.requireNonNull(key).longValue();
    return new Membership(
        id, body, concerning, organisation.id(), organisation.name(), seat, at, by);
  }

  public void delete(long id) {
    jdbc.sql("delete from governance_membership where id = :id").param("id", id).update();
  }

  private static Membership row(ResultSet rs, int n) throws SQLException {
    String participant = rs.getString("participant_code");
    return new Membership(
        rs.getLong("id"),
        Body.valueOf(rs.getString("body")),
        participant == null || participant.isEmpty() ? null : ParticipantCode.of(participant),
        rs.getObject("organisation_id", UUID.class),
        rs.getString("organisation_name"),
        Seat.valueOf(rs.getString("seat")),
        rs.getObject("appointed_at", OffsetDateTime.class).toInstant(),
        rs.getString("appointed_by"));
  }
}

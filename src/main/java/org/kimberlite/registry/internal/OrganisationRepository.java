package org.kimberlite.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.Organisation;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.RjcCertification;
import org.kimberlite.registry.SowRegistration;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Organisations. The directory (name, country, participant, roles) is readable by any signed-in
 * caller; the full record is private and every read of it is scoped by the caller's organisation in
 * the SQL itself.
 */
@Repository
public class OrganisationRepository {
  private static final String COLUMNS =
      """
      id, name, country_code, participant_code, sow_id, sow_renewal_due, rjc_number,
      rjc_valid_from, rjc_term_years, version
      """;

  private final JdbcClient jdbc;

  public OrganisationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Organisation o, Instant at) {
    jdbc.sql(
            """
            insert into organisation
              (id, name, country_code, participant_code, sow_id, sow_renewal_due, rjc_number,
               rjc_valid_from, rjc_term_years, created_at, version)
            values (:id, :name, :country, :participant, :sowId, :sowDue, :rjcNumber, :rjcFrom,
                    :rjcTerm, :at, 0)
            """)
        .param("id", o.id())
        .param("name", o.name())
        .param("country", o.country().code())
        .param("participant", o.participant() == null ? null : o.participant().code())
        .param("sowId", o.sow() == null ? null : o.sow().id())
        .param("sowDue", o.sow() == null ? null : o.sow().renewalDue())
        .param("rjcNumber", o.rjc() == null ? null : o.rjc().number())
        .param("rjcFrom", o.rjc() == null ? null : o.rjc().validFrom())
        .param("rjcTerm", o.rjc() == null ? null : o.rjc().termYears())
        .param("at", Jdbc.timestamp(at))
        .update();
    for (OrganisationRole role : o.roles()) {
      jdbc.sql("insert into organisation_role (organisation_id, role) values (:id, :role)")
          .param("id", o.id())
          .param("role", role.name())
          .update();
    }
  }

  /** The public directory: every organisation, without its private fields. */
  public List<Organisation> directory() {
    Map<UUID, Set<OrganisationRole>> roles = roles(null);
    return jdbc.sql(
            "select id, name, country_code, participant_code from organisation order by name")
        .query(
            (rs, n) -> {
              UUID id = Jdbc.uuid(rs, "id");
              return new Organisation(
                  id,
                  rs.getString("name"),
                  CountryCode.of(rs.getString("country_code").trim()),
                  participant(rs),
                  roles.getOrDefault(id, Set.of()),
                  null,
                  null,
                  0);
            })
        .list();
  }

  /**
   * The ids of the organisations of one KP participant that hold {@code role}, in name order: the
   * few a check needs (the importing participant's authorities) without reading the directory.
   */
  public List<UUID> withRole(ParticipantCode participant, OrganisationRole role) {
    return jdbc.sql(
            """
            select o.id from organisation o
            join organisation_role r on r.organisation_id = o.id
            where o.participant_code = :participant and r.role = :role
            order by o.name, o.id
            """)
        .param("participant", participant.code())
        .param("role", role.name())
        .query((rs, n) -> Jdbc.uuid(rs, "id"))
        .list();
  }

  /** The directory entry of one organisation (no private fields). */
  public Optional<Organisation> directoryEntry(UUID id) {
    Map<UUID, Set<OrganisationRole>> roles = roles(id);
    return jdbc.sql(
            "select id, name, country_code, participant_code from organisation where id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new Organisation(
                    id,
                    rs.getString("name"),
                    CountryCode.of(rs.getString("country_code").trim()),
                    participant(rs),
                    roles.getOrDefault(id, Set.of()),
                    null,
                    null,
                    0))
        .optional();
  }

  /** The caller's own organisation, with every field; nobody else's. */
  public Optional<Organisation> findOwn(Caller caller, UUID id) {
    Map<UUID, Set<OrganisationRole>> roles = roles(id);
    return jdbc.sql(
            "select " + COLUMNS + " from organisation where id = :id and id = :callerOrganisation")
        .param("id", id)
        .param("callerOrganisation", caller.organisationId())
        .query((rs, n) -> full(rs, roles))
        .optional();
  }

  /** Loads an organisation for authentication (the account is already identified). */
  public Optional<Organisation> findForAuthentication(UUID id) {
    Map<UUID, Set<OrganisationRole>> roles = roles(id);
    return jdbc.sql("select " + COLUMNS + " from organisation where id = :id")
        .param("id", id)
        .query((rs, n) -> full(rs, roles))
        .optional();
  }

  /**
   * Updates the caller's own organisation's compliance fields if {@code version} is current.
   *
   * @return rows changed: 0 when the organisation is not the caller's or the version is stale
   */
  public int updateCompliance(
      Caller caller,
      UUID id,
      long version,
      @Nullable SowRegistration sow,
      @Nullable RjcCertification rjc) {
    return jdbc.sql(
            """
            update organisation set
              sow_id = :sowId, sow_renewal_due = :sowDue,
              rjc_number = :rjcNumber, rjc_valid_from = :rjcFrom, rjc_term_years = :rjcTerm,
              version = version + 1
            where id = :id and id = :callerOrganisation and version = :version
            """)
        .param("sowId", sow == null ? null : sow.id())
        .param("sowDue", sow == null ? null : sow.renewalDue())
        .param("rjcNumber", rjc == null ? null : rjc.number())
        .param("rjcFrom", rjc == null ? null : rjc.validFrom())
        .param("rjcTerm", rjc == null ? null : rjc.termYears())
        .param("id", id)
        .param("callerOrganisation", caller.organisationId())
        .param("version", version)
        .update();
  }

  public long count() {
    return jdbc.sql("select count(*) from organisation").query(Long.class).single();
  }

  private Map<UUID, Set<OrganisationRole>> roles(@Nullable UUID only) {
    Map<UUID, Set<OrganisationRole>> out = new HashMap<>();
    String sql =
        only == null
            ? "select organisation_id, role from organisation_role"
            : "select organisation_id, role from organisation_role where organisation_id = :id";
    JdbcClient.StatementSpec spec = jdbc.sql(sql);
    if (only != null) {
      spec = spec.param("id", only);
    }
    spec.query(
        (ResultSet rs) -> {
          out.computeIfAbsent(
                  Jdbc.uuid(rs, "organisation_id"), k -> EnumSet.noneOf(OrganisationRole.class))
              .add(OrganisationRole.valueOf(rs.getString("role")));
        });
    return out;
  }

  private static Organisation full(ResultSet rs, Map<UUID, Set<OrganisationRole>> roles)
      throws SQLException {
    UUID id = Jdbc.uuid(rs, "id");
    String sowId = rs.getString("sow_id");
    LocalDate sowDue = Jdbc.nullableDate(rs, "sow_renewal_due");
    String rjcNumber = rs.getString("rjc_number");
    LocalDate rjcFrom = Jdbc.nullableDate(rs, "rjc_valid_from");
    int rjcTerm = rs.getInt("rjc_term_years");
    return new Organisation(
        id,
        rs.getString("name"),
        CountryCode.of(rs.getString("country_code").trim()),
        participant(rs),
        roles.getOrDefault(id, Set.of()),
        sowId == null || sowDue == null ? null : new SowRegistration(sowId, sowDue),
        rjcNumber == null || rjcFrom == null
            ? null
            : new RjcCertification(rjcNumber, rjcFrom, rjcTerm),
        rs.getLong("version"));
  }

  private static @Nullable ParticipantCode participant(ResultSet rs) throws SQLException {
    String code = rs.getString("participant_code");
    return code == null ? null : ParticipantCode.of(code.trim());
  }
}

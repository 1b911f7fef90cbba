package org.kimberlite.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.CompliantZone;
import org.kimberlite.registry.DatePrecision;
import org.kimberlite.registry.DecisionReference;
import org.kimberlite.registry.Participant;
import org.kimberlite.registry.ParticipantHistory;
import org.kimberlite.registry.ParticipantKind;
import org.kimberlite.registry.SeedSource;
import org.kimberlite.registry.StatusChange;
import org.kimberlite.registry.StatusChangeType;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Participants, their status decisions and compliant zones. Public data: no caller scoping. */
@Repository
public class ParticipantRepository {
  private final JdbcClient jdbc;

  public ParticipantRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long count() {
    return jdbc.sql("select count(*) from participant").query(Long.class).single();
  }

  public List<Participant> findAll() {
    return jdbc.sql("select code, name, kind, note from participant order by code")
        .query(ParticipantRepository::participant)
        .list();
  }

  public Optional<Participant> find(ParticipantCode code) {
    return jdbc.sql("select code, name, kind, note from participant where code = :code")
        .param("code", code.code())
        .query(ParticipantRepository::participant)
        .optional();
  }

  /** Whether the participant's certificates are printed in French besides English. */
  public boolean certificateInFrench(ParticipantCode code) {
    return jdbc.sql(
            "select french from participant_certificate_language where participant_code = :code")
        .param("code", code.code())
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  public void setCertificateInFrench(ParticipantCode code, boolean french, Instant at, String by) {
    int updated =
        jdbc.sql(
                """
                update participant_certificate_language
                set french = :french, updated_at = :at, updated_by = :by
                where participant_code = :code
                """)
            .param("code", code.code())
            .param("french", french)
            .param("at", Jdbc.timestamp(at))
            .param("by", by)
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              insert into participant_certificate_language
                (participant_code, french, updated_at, updated_by)
              values (:code, :french, :at, :by)
              """)
          .param("code", code.code())
          .param("french", french)
          .param("at", Jdbc.timestamp(at))
          .param("by", by)
          .update();
    }
  }

  public void insert(Participant participant, Instant at, String by) {
    jdbc.sql(
            """
            insert into participant (code, name, kind, note, created_at, created_by)
            values (:code, :name, :kind, :note, :at, :by)
            """)
        .param("code", participant.code().code())
        .param("name", participant.name())
        .param("kind", participant.kind().name())
        .param("note", participant.note())
        .param("at", Jdbc.timestamp(at))
        .param("by", by)
        .update();
  }

  /** Inserts a decision and returns its row id. */
  public long insertChange(ParticipantCode code, StatusChange change) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into participant_status_change
              (participant_code, change_type, effective_on, date_precision, reason, source,
               recorded_at, recorded_by, decision_id, decision_number)
            values (:code, :type, :on, :precision, :reason, :source, :at, :by, :decision,
                    :decisionNumber)
            """)
        .param("decision", change.decision() == null ? null : change.decision().id())
        .param("decisionNumber", change.decision() == null ? null : change.decision().number())
        .param("code", code.code())
        .param("type", change.type().name())
        .param("on", change.effectiveOn())
        .param("precision", change.precision().name())
        .param("reason", change.reason())
        .param("source", change.source())
        .param("at", Jdbc.timestamp(change.recordedAt()))
        .param("by", change.recordedBy())
        .update(key, "id");
    return generatedId(key);
  }

  private static long generatedId(GeneratedKeyHolder key) {
    Number id = key.getKeys() == null ? key.getKey() : (Number) key.getKeys().get("id");
    if (id == null) {
      throw new IllegalStateException("No generated id");
    }
    return id.longValue();
  }

  /** Inserts a compliant zone and returns its row id. */
  public long insertZone(ParticipantCode code, CompliantZone zone, Instant at, String by) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into compliant_zone
              (participant_code, name, effective_from, effective_until, date_precision, reason,
               recorded_at, recorded_by, decision_id, decision_number)
            values (:code, :name, :from, :until, :precision, :reason, :at, :by, :decision,
                    :decisionNumber)
            """)
        .param("decision", zone.decision() == null ? null : zone.decision().id())
        .param("decisionNumber", zone.decision() == null ? null : zone.decision().number())
        .param("code", code.code())
        .param("name", zone.name())
        .param("from", zone.effectiveFrom())
        .param("until", zone.effectiveUntil())
        .param("precision", zone.precision().name())
        .param("reason", zone.reason())
        .param("at", Jdbc.timestamp(at))
        .param("by", by)
        .update(key, "id");
    return generatedId(key);
  }

  /** One decision as stored, with its participant, for the audit. */
  public Optional<Map.Entry<ParticipantCode, StatusChange>> change(long id) {
    return jdbc.sql(
            """
            select id, participant_code, change_type, effective_on, date_precision, reason, source,
                   recorded_at, recorded_by, decision_id, decision_number
            from participant_status_change where id = :id
            """)
        .param("id", id)
        .query((rs, n) -> Map.entry(code(rs, "participant_code"), change(rs)))
        .optional();
  }

  /** One compliant zone as stored, with its participant, recording time and author. */
  public Optional<Map<String, Object>> zoneRow(long id) {
    return jdbc.sql(
            """
            select participant_code, name, effective_from, effective_until, date_precision, reason,
                   recorded_at, recorded_by, decision_id, decision_number
            from compliant_zone where id = :id
            """)
        .param("id", id)
        .query(
            (rs, n) -> {
              Map<String, Object> row = new java.util.HashMap<>();
              row.put("participant", code(rs, "participant_code"));
              row.put("zone", zone(rs));
              row.put("recordedAt", Jdbc.instant(rs, "recorded_at"));
              row.put("recordedBy", rs.getString("recorded_by"));
              return row;
            })
        .optional();
  }

  public List<Long> changeIds() {
    return jdbc.sql("select id from participant_status_change order by id")
        .query(Long.class)
        .list();
  }

  public List<Long> zoneIds() {
    return jdbc.sql("select id from compliant_zone order by id").query(Long.class).list();
  }

  /** Every participant's history in one pass (two queries), keyed by code. */
  public Map<ParticipantCode, ParticipantHistory> histories() {
    Map<ParticipantCode, List<StatusChange>> changes = new LinkedHashMap<>();
    jdbc.sql(
            """
            select id, participant_code, change_type, effective_on, date_precision, reason, source,
                   recorded_at, recorded_by, decision_id, decision_number
            from participant_status_change order by participant_code, effective_on, id
            """)
        .query(
            (ResultSet rs) -> {
              changes
                  .computeIfAbsent(code(rs, "participant_code"), k -> new ArrayList<>())
                  .add(change(rs));
            });
    Map<ParticipantCode, List<CompliantZone>> zones = new LinkedHashMap<>();
    jdbc.sql(
            """
            select participant_code, name, effective_from, effective_until, date_precision, reason,
                   decision_id, decision_number
            from compliant_zone order by participant_code, effective_from, name
            """)
        .query(
            (ResultSet rs) -> {
              zones
                  .computeIfAbsent(code(rs, "participant_code"), k -> new ArrayList<>())
                  .add(zone(rs));
            });
    Map<ParticipantCode, ParticipantHistory> out = new LinkedHashMap<>();
    for (Participant p : findAll()) {
      out.put(
          p.code(),
          new ParticipantHistory(
              p.code(),
              changes.getOrDefault(p.code(), List.of()),
              zones.getOrDefault(p.code(), List.of())));
    }
    return out;
  }

  public ParticipantHistory history(ParticipantCode code) {
    List<StatusChange> changes =
        jdbc.sql(
                """
                select id, change_type, effective_on, date_precision, reason, source, recorded_at,
                       recorded_by, decision_id, decision_number
                from participant_status_change where participant_code = :code
                order by effective_on, id
                """)
            .param("code", code.code())
            .query((rs, n) -> change(rs))
            .list();
    List<CompliantZone> zones =
        jdbc.sql(
                """
                select name, effective_from, effective_until, date_precision, reason, decision_id,
                       decision_number
                from compliant_zone where participant_code = :code order by effective_from, name
                """)
            .param("code", code.code())
            .query((rs, n) -> zone(rs))
            .list();
    return new ParticipantHistory(code, changes, zones);
  }

  /** Serialises writers of one participant's history (row lock on PostgreSQL and H2). */
  public void lock(ParticipantCode code) {
    jdbc.sql("select code from participant where code = :code for update")
        .param("code", code.code())
        .query(String.class)
        .optional();
  }

  public void insertMemberState(CountryCode country, String name, ParticipantCode participant) {
    jdbc.sql(
            """
            insert into participant_member_state (country_code, country_name, participant_code)
            values (:country, :name, :participant)
            """)
        .param("country", country.code())
        .param("name", name)
        .param("participant", participant.code())
        .update();
  }

  /** The member states of a participant that trades for several countries (the EU). */
  public Map<CountryCode, String> memberStates(ParticipantCode participant) {
    Map<CountryCode, String> out = new LinkedHashMap<>();
    jdbc.sql(
            """
            select country_code, country_name from participant_member_state
            where participant_code = :participant order by country_code
            """)
        .param("participant", participant.code())
        .query(
            (ResultSet rs) -> {
              out.put(
                  CountryCode.of(rs.getString("country_code").trim()),
                  rs.getString("country_name"));
            });
    return out;
  }

  /** The participant a country trades under, if any: itself, or the union it belongs to. */
  public Optional<ParticipantCode> participantForCountry(CountryCode country) {
    Optional<ParticipantCode> member =
        jdbc.sql("select participant_code from participant_member_state where country_code = :c")
            .param("c", country.code())
            .query((rs, n) -> code(rs, "participant_code"))
            .optional();
    if (member.isPresent()) {
      return member;
    }
    return jdbc.sql("select code from participant where code = :c")
        .param("c", country.code())
        .query((rs, n) -> code(rs, "code"))
        .optional();
  }

  public boolean seeded(String name) {
    return jdbc.sql("select count(*) from seed_source where name = :name")
            .param("name", name)
            .query(Long.class)
            .single()
        > 0;
  }

  public void recordSeed(String name, LocalDate asOf, String source, Instant at) {
    jdbc.sql(
            """
            insert into seed_source (name, as_of, source, loaded_at)
            values (:name, :asOf, :source, :at)
            """)
        .param("name", name)
        .param("asOf", asOf)
        .param("source", source)
        .param("at", Jdbc.timestamp(at))
        .update();
  }

  public List<SeedSource> seedSources() {
    return jdbc.sql("select name, as_of, source, loaded_at from seed_source order by name")
        .query(
            (rs, n) ->
                new SeedSource(
                    rs.getString("name"),
                    Jdbc.date(rs, "as_of"),
                    rs.getString("source"),
                    Jdbc.instant(rs, "loaded_at")))
        .list();
  }

  private static Participant participant(ResultSet rs, int row) throws SQLException {
    return new Participant(
        code(rs, "code"),
        rs.getString("name"),
        ParticipantKind.valueOf(rs.getString("kind")),
        rs.getString("note"));
  }

  private static StatusChange change(ResultSet rs) throws SQLException {
    return new StatusChange(
        StatusChangeType.valueOf(rs.getString("change_type")),
        Jdbc.date(rs, "effective_on"),
        DatePrecision.valueOf(rs.getString("date_precision")),
        rs.getString("reason"),
        rs.getString("source"),
        Jdbc.instant(rs, "recorded_at"),
        rs.getString("recorded_by"),
        rs.getLong("id"),
        decision(rs));
  }

  private static @Nullable DecisionReference decision(ResultSet rs) throws SQLException {
    java.util.UUID id = rs.getObject("decision_id", java.util.UUID.class);
    String number = rs.getString("decision_number");
    return id == null || number == null ? null : new DecisionReference(id, number);
  }

  /**
   * Links a change recorded before decisions were kept to the decision that ordered it.
   *
   * @return the change's row id, or empty when no such change is recorded
   */
  public Optional<Long> linkChange(
      ParticipantCode code, StatusChangeType type, LocalDate effectiveOn, DecisionReference by) {
    Optional<Long> id =
        jdbc.sql(
                """
                select id from participant_status_change
                where participant_code = :code and change_type = :type and effective_on = :on
                """)
            .param("code", code.code())
            .param("type", type.name())
            .param("on", effectiveOn)
            .query(Long.class)
            .optional();
    id.ifPresent(
        row ->
            jdbc.sql(
                    """
                    update participant_status_change
                    set decision_id = :decision, decision_number = :number where id = :id
                    """)
                .param("decision", by.id())
                .param("number", by.number())
                .param("id", row)
                .update());
    return id;
  }

  /**
   * Links a zone recorded before decisions were kept to the decision that declared it.
   *
   * @return the zone's row id, or empty when no such zone is recorded
   */
  public Optional<Long> linkZone(
      ParticipantCode code, String name, LocalDate effectiveFrom, DecisionReference by) {
    Optional<Long> id =
        jdbc.sql(
                """
                select id from compliant_zone
                where participant_code = :code and name = :name and effective_from = :from
                """)
            .param("code", code.code())
            .param("name", name)
            .param("from", effectiveFrom)
            .query(Long.class)
            .optional();
    id.ifPresent(
        row ->
            jdbc.sql(
                    """
                    update compliant_zone
                    set decision_id = :decision, decision_number = :number where id = :id
                    """)
                .param("decision", by.id())
                .param("number", by.number())
                .param("id", row)
                .update());
    return id;
  }

  private static CompliantZone zone(ResultSet rs) throws SQLException {
    @Nullable LocalDate until = Jdbc.nullableDate(rs, "effective_until");
    return new CompliantZone(
        rs.getString("name"),
        Jdbc.date(rs, "effective_from"),
        until,
        DatePrecision.valueOf(rs.getString("date_precision")),
        rs.getString("reason"),
        decision(rs));
  }

  private static ParticipantCode code(ResultSet rs, String column) throws SQLException {
    return ParticipantCode.of(rs.getString(column).trim());
  }
}

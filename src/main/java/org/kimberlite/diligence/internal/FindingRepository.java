package org.kimberlite.diligence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.diligence.Decision;
import org.kimberlite.diligence.Evidence;
import org.kimberlite.diligence.Finding;
import org.kimberlite.diligence.FindingStatus;
import org.kimberlite.diligence.Response;
import org.kimberlite.diligence.Severity;
import org.kimberlite.diligence.internal.policies.Flag;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Findings, their parties, evidence and responses. */
@Repository
public class FindingRepository {
  private final JdbcClient jdbc;

  public FindingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores a finding unless the same rule was raised on the same facts before; true when stored.
   * The unique constraint decides between concurrent writers ({@code on conflict do nothing}).
   */
  public boolean insert(Flag flag, Instant at) {
    UUID id = UUID.randomUUID();
    int rows =
        jdbc.sql(
                """
                insert into diligence_finding
                  (id, rule, severity, status, escalation, summary, fact_key, raised_at, version)
                values (:id, :rule, :severity, 'OPEN', 'NONE', :summary, :key, :at, 0)
                on conflict do nothing
                """)
            .param("id", id)
            .param("rule", flag.rule())
            .param("severity", flag.severity().name())
            .param("summary", cut(flag.summary(), 2000))
            .param("key", flag.factKey())
            .param("at", ts(at))
            .update();
    if (rows == 0) {
      return false;
    }
    for (UUID org : flag.organisations()) {
      jdbc.sql(
              "insert into diligence_finding_organisation (finding_id, organisation_id, raised_at)"
                  + " values (:id, :org, :at)")
          .param("id", id)
          .param("org", org)
          .param("at", ts(at))
          .update();
    }
    for (ParticipantCode p : flag.participants()) {
      jdbc.sql(
              "insert into diligence_finding_participant (finding_id, participant, raised_at)"
                  + " values (:id, :p, :at)")
          .param("id", id)
          .param("p", p.code())
          .param("at", ts(at))
          .update();
    }
    int position = 0;
    for (Evidence e : flag.evidence()) {
      jdbc.sql(
              "insert into diligence_evidence (finding_id, position, kind, ref, label, href)"
                  + " values (:id, :pos, :kind, :ref, :label, :href)")
          .param("id", id)
          .param("pos", position++)
          .param("kind", e.kind())
          .param("ref", cut(e.ref(), 500))
          .param("label", cut(e.label(), 1000))
          .param("href", cut(e.href(), 1000))
          .update();
    }
    return true;
  }

  /** Who is asking, as the store filters: its organisation, participant (authority), or all. */
  public record Scope(@Nullable UUID organisation, @Nullable String participant, boolean all) {}

  /** Filters of a listing; null fields do not filter. */
  public record Filter(
      @Nullable String rule,
      @Nullable UUID organisation,
      @Nullable String participant,
      @Nullable FindingStatus status,
      @Nullable Severity severity) {}

  private static final String VISIBLE =
      """
      (:all = true
       or exists (select 1 from diligence_finding_organisation o
                  where o.finding_id = f.id and o.organisation_id = :scopeOrg)
       or exists (select 1 from diligence_finding_participant p
                  where p.finding_id = f.id and p.participant = :scopeParticipant))
      """;

  private static final String FILTERS =
      """
      and (cast(:rule as varchar(10)) is null or f.rule = :rule)
      and (cast(:status as varchar(12)) is null or f.status = :status)
      and (cast(:severity as varchar(10)) is null or f.severity = :severity)
      and (cast(:org as uuid) is null or exists (select 1 from diligence_finding_organisation o2
           where o2.finding_id = f.id and o2.organisation_id = :org))
      and (cast(:participant as varchar(2)) is null or exists (select 1
           from diligence_finding_participant p2
           where p2.finding_id = f.id and p2.participant = :participant))
      """;

  /**
   * A page of the findings the scope sees, newest first. Without filters, the secretariat's page is
   * read from the findings by time, and an organisation's or authority's from its own links by time
   * (the newest {@code offset + limit} of each, then merged): both from indexes, whatever the
   * number of findings. With filters, the general query.
   */
  public List<Finding> list(Scope scope, Filter filter, int offset, int limit) {
    boolean unfiltered =
        filter.rule() == null
            && filter.status() == null
            && filter.severity() == null
            && filter.organisation() == null
            && filter.participant() == null;
    String sql;
    if (scope.all()) {
      sql = "select f.* from diligence_finding f where 1 = 1 " + FILTERS;
    } else if (unfiltered) {
      sql =
          """
          select f.* from diligence_finding f where f.id in (
            select o.finding_id from (select finding_id from diligence_finding_organisation
              where organisation_id = :scopeOrg
              order by raised_at desc, finding_id fetch first :newest rows only) o
            union
            select p.finding_id from (select finding_id from diligence_finding_participant
              where participant = :scopeParticipant
              order by raised_at desc, finding_id fetch first :newest rows only) p)
          """;
    } else {
      sql = "select f.* from diligence_finding f where " + VISIBLE + FILTERS;
    }
    List<Row> rows =
        bind(
                jdbc.sql(
                    sql
                        + " order by f.raised_at desc, f.id offset :offset rows"
                        + " fetch next :limit rows only"),
                scope,
                filter)
            .param("offset", offset)
            .param("limit", limit)
            .param("newest", offset + limit)
            .query((rs, n) -> row(rs))
            .list();
    return complete(rows);
  }

  /** Counts by rule and by participant of the findings the scope sees. */
  public Map<String, Map<String, Long>> counts(Scope scope) {
    Map<String, Map<String, Long>> out = new HashMap<>();
    jdbc.sql(
            "select f.rule, p.participant, count(*) as n from diligence_finding f"
                + " join diligence_finding_participant p on p.finding_id = f.id where "
                + VISIBLE
                + " group by f.rule, p.participant")
        .param("all", scope.all())
        .param("scopeOrg", scope.organisation())
        .param("scopeParticipant", scope.participant())
        .query(
            (rs, n) ->
                out.computeIfAbsent(rs.getString("rule"), k -> new HashMap<>())
                    .put(rs.getString("participant"), rs.getLong("n")))
        .list();
    return out;
  }

  /**
   * The findings that name the organisation, raised before {@code until}, oldest first (then by
   * id): at most {@code limit}.
   */
  public List<Finding> naming(UUID organisation, Instant until, int limit) {
    return jdbc
        .sql(
            """
            select f.* from diligence_finding f where f.raised_at < :until
              and exists (select 1 from diligence_finding_organisation o
                          where o.finding_id = f.id and o.organisation_id = :org)
            order by f.raised_at, f.id fetch first :limit rows only
            """)
        .param("until", ts(until))
        .param("org", organisation)
        .param("limit", limit)
        .query((rs, n) -> row(rs))
        .list()
        .stream()
        .map(this::complete)
        .toList();
  }

  public Optional<Finding> find(UUID id, Scope scope) {
    return jdbc.sql("select f.* from diligence_finding f where f.id = :id and " + VISIBLE)
        .param("id", id)
        .param("all", scope.all())
        .param("scopeOrg", scope.organisation())
        .param("scopeParticipant", scope.participant())
        .query((rs, n) -> row(rs))
        .optional()
        .map(this::complete);
  }

  /** A stored response with the rule of its finding, as the log commits to it. */
  public record StoredResponse(UUID findingId, String rule, Response response) {}

  /** One response, by its id. */
  public Optional<StoredResponse> response(UUID id) {
    return jdbc.sql(
            "select r.*, f.rule from diligence_response r join diligence_finding f"
                + " on f.id = r.finding_id where r.id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new StoredResponse(
                    rs.getObject("finding_id", UUID.class), rs.getString("rule"), response(rs)))
        .optional();
  }

  private static Response response(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Response(
        Decision.valueOf(rs.getString("decision")),
        rs.getString("plan"),
        rs.getObject("review_on", LocalDate.class),
        rs.getObject("organisation_id", UUID.class),
        rs.getString("responder"),
        rs.getObject("responded_at", OffsetDateTime.class).toInstant(),
        rs.getObject("log_entry", UUID.class));
  }

  /** Every response's id. */
  public List<UUID> responseIds() {
    return jdbc.sql("select id from diligence_response order by id").query(UUID.class).list();
  }

  /** Locks a finding's row for a response. */
  public Optional<Long> lock(UUID id) {
    return jdbc.sql("select version from diligence_finding where id = :id for update")
        .param("id", id)
        .query(Long.class)
        .optional();
  }

  public void insertResponse(
      UUID id,
      UUID finding,
      Decision decision,
      @Nullable String plan,
      @Nullable LocalDate reviewOn,
      UUID organisation,
      String responder,
      String username,
      Instant at,
      UUID logEntry) {
    int position =
        jdbc.sql("select count(*) from diligence_response where finding_id = :f")
            .param("f", finding)
            .query(Integer.class)
            .single();
    jdbc.sql(
            """
            insert into diligence_response (id, finding_id, position, decision, plan, review_on,
              organisation_id, responder, username, responded_at, log_entry)
            values (:id, :f, :pos, :decision, :plan, :review, :org, :responder, :username, :at,
              :entry)
            """)
        .param("id", id)
        .param("f", finding)
        .param("pos", position)
        .param("decision", decision.name())
        .param("plan", plan)
        .param("review", reviewOn)
        .param("org", organisation)
        .param("responder", responder)
        .param("username", username)
        .param("at", ts(at))
        .param("entry", logEntry)
        .update();
    FindingStatus status =
        decision == Decision.DISENGAGE ? FindingStatus.CLOSED : FindingStatus.RESPONDED;
    jdbc.sql(
            """
            update diligence_finding set status = :status, review_on = :review,
              escalation = 'NONE', escalated_at = null, version = version + 1 where id = :f
            """)
        .param("status", status.name())
        .param("review", reviewOn)
        .param("f", finding)
        .update();
  }

  /**
   * Escalates what is overdue on {@code today}: responded findings past their review date and open
   * ones raised before {@code openBefore} go to the authority; findings escalated to the authority
   * before {@code authorityBefore} go on to the secretariat. Returns how many rows moved.
   */
  public int escalate(LocalDate today, Instant openBefore, Instant authorityBefore, Instant at) {
    int toAuthority =
        jdbc.sql(
                """
                update diligence_finding set status = 'ESCALATED', escalation = 'AUTHORITY',
                  escalated_at = :at, version = version + 1
                where (status = 'RESPONDED' and review_on is not null and review_on < :today)
                   or (status = 'OPEN' and raised_at < :openBefore)
                """)
            .param("at", ts(at))
            .param("today", today)
            .param("openBefore", ts(openBefore))
            .update();
    int toSecretariat =
        jdbc.sql(
                """
                update diligence_finding set escalation = 'SECRETARIAT', escalated_at = :at,
                  version = version + 1
                where status = 'ESCALATED' and escalation = 'AUTHORITY'
                  and escalated_at < :authorityBefore
                """)
            .param("at", ts(at))
            .param("authorityBefore", ts(authorityBefore))
            .update();
    return toAuthority + toSecretariat;
  }

  private record Row(
      UUID id,
      String rule,
      Severity severity,
      FindingStatus status,
      String escalation,
      String summary,
      Instant raisedAt,
      @Nullable LocalDate reviewOn) {}

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getObject("id", UUID.class),
        rs.getString("rule"),
        Severity.valueOf(rs.getString("severity")),
        FindingStatus.valueOf(rs.getString("status")),
        rs.getString("escalation"),
        rs.getString("summary"),
        rs.getObject("raised_at", OffsetDateTime.class).toInstant(),
        rs.getObject("review_on", LocalDate.class));
  }

  private Finding complete(Row r) {
    return complete(List.of(r)).get(0);
  }

  /** The findings of the rows with their parties, evidence and responses: four reads in all. */
  private List<Finding> complete(List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = rows.stream().map(Row::id).toList();
    Map<UUID, List<UUID>> orgs = new HashMap<>();
    jdbc.sql(
            "select finding_id, organisation_id from diligence_finding_organisation"
                + " where finding_id in (:ids) order by finding_id, organisation_id")
        .param("ids", ids)
        .query(
            rs -> {
              orgs.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(rs.getObject(2, UUID.class));
            });
    Map<UUID, List<ParticipantCode>> participants = new HashMap<>();
    jdbc.sql(
            "select finding_id, participant from diligence_finding_participant"
                + " where finding_id in (:ids) order by finding_id, participant")
        .param("ids", ids)
        .query(
            rs -> {
              participants
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(ParticipantCode.of(rs.getString(2)));
            });
    Map<UUID, List<Evidence>> evidence = new HashMap<>();
    jdbc.sql(
            "select finding_id, kind, ref, label, href from diligence_evidence"
                + " where finding_id in (:ids) order by finding_id, position")
        .param("ids", ids)
        .query(
            rs -> {
              evidence
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(
                      new Evidence(
                          rs.getString("kind"),
                          rs.getString("ref"),
                          rs.getString("label"),
                          rs.getString("href")));
            });
    Map<UUID, List<Response>> responses = new HashMap<>();
    jdbc.sql(
            "select * from diligence_response where finding_id in (:ids)"
                + " order by finding_id, position")
        .param("ids", ids)
        .query(
            rs -> {
              responses
                  .computeIfAbsent(rs.getObject("finding_id", UUID.class), k -> new ArrayList<>())
                  .add(response(rs));
            });
    List<Finding> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(
          new Finding(
              r.id(),
              r.rule(),
              r.severity(),
              r.status(),
              r.escalation(),
              r.summary(),
              orgs.getOrDefault(r.id(), List.of()),
              participants.getOrDefault(r.id(), List.of()),
              evidence.getOrDefault(r.id(), List.of()),
              r.raisedAt(),
              r.reviewOn(),
              new ArrayList<>(responses.getOrDefault(r.id(), List.of()))));
    }
    return out;
  }

  private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Scope scope, Filter f) {
    return spec.param("all", scope.all())
        .param("scopeOrg", scope.organisation())
        .param("scopeParticipant", scope.participant())
        .param("rule", f.rule())
        .param("status", f.status() == null ? null : f.status().name())
        .param("severity", f.severity() == null ? null : f.severity().name())
        .param("org", f.organisation())
        .param("participant", f.participant());
  }

  private static String cut(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }

  private static OffsetDateTime ts(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}

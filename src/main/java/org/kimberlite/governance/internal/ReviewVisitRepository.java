package org.kimberlite.governance.internal;

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
import org.kimberlite.governance.ActionItem;
import org.kimberlite.governance.ActionNote;
import org.kimberlite.governance.MinimumRequirement;
import org.kimberlite.governance.ReviewVisit;
import org.kimberlite.governance.ReviewVisitId;
import org.kimberlite.governance.ReviewVisitResponse;
import org.kimberlite.governance.ReviewVisitSummary;
import org.kimberlite.governance.VisitFinding;
import org.kimberlite.governance.VisitStatus;
import org.kimberlite.governance.VisitTeamMember;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Peer review visits: the visit, its team, findings, actions and progress notes. A visit is read
 * whole; whether the caller may see it is the use case's business. Overdue marks are left false
 * here and set by the use case for the day it answers.
 */
@Repository
public class ReviewVisitRepository {
  private static final String VISIT_COLUMNS =
      "id, participant_code, starts_on, ends_on, terms_of_reference, status, planned_at,"
          + " planned_by, planned_by_organisation, conducted_at, conducted_by, response,"
          + " responded_at, responded_by, responded_by_organisation, plan_accepted_at,"
          + " plan_accepted_by, closed_at";

  private final JdbcClient jdbc;

  public ReviewVisitRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new visit and its team. */
  public void insert(
      ReviewVisitId id,
      ParticipantCode participant,
      LocalDate startsOn,
      LocalDate endsOn,
      String termsOfReference,
      List<VisitTeamMember> team,
      Instant at,
      String by,
      UUID byOrganisation) {
    jdbc.sql(
            """
            insert into governance_review_visit
              (id, participant_code, starts_on, ends_on, terms_of_reference, status, planned_at,
               planned_by, planned_by_organisation)
            values (:id, :participant, :startsOn, :endsOn, :terms, 'PLANNED', :at, :by, :org)
            """)
        .param("id", id.value())
        .param("participant", participant.code())
        .param("startsOn", startsOn)
        .param("endsOn", endsOn)
        .param("terms", termsOfReference)
        .param("at", utc(at))
        .param("by", by)
        .param("org", byOrganisation)
        .update();
    for (VisitTeamMember m : team) {
      jdbc.sql(
              """
              insert into governance_review_visit_team
                (visit_id, organisation_id, organisation_name, is_lead)
              values (:visit, :org, :name, :lead)
              """)
          .param("visit", id.value())
          .param("org", m.organisationId())
          .param("name", m.name())
          .param("lead", m.lead())
          .update();
    }
  }

  /** The visit, locked for a change until the transaction ends; empty if there is none. */
  public Optional<ReviewVisit> lock(ReviewVisitId id) {
    boolean found =
        jdbc.sql("select id from governance_review_visit where id = :id for update")
            .param("id", id.value())
            .query(UUID.class)
            .optional()
            .isPresent();
    return found ? find(id) : Optional.empty();
  }

  public Optional<ReviewVisit> find(ReviewVisitId id) {
    Optional<VisitRow> row =
        jdbc.sql("select " + VISIT_COLUMNS + " from governance_review_visit where id = :id")
            .param("id", id.value())
            .query(ReviewVisitRepository::visitRow)
            .optional();
    return row.map(this::whole);
  }

  /** Summaries, newest visit first; filtered by participant and status when given. */
  public List<ReviewVisitSummary> summaries(
      @Nullable ParticipantCode participant, @Nullable VisitStatus status, int offset, int limit) {
    return jdbc.sql(
            """
            select id, participant_code, starts_on, ends_on, status from governance_review_visit
            where (:participant = '' or participant_code = :participant)
              and (:status = '' or status = :status)
            order by starts_on desc, id
            offset :offset rows fetch next :limit rows only
            """)
        .param("participant", participant == null ? "" : participant.code())
        .param("status", status == null ? "" : status.name())
        .param("offset", offset)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new ReviewVisitSummary(
                    new ReviewVisitId(rs.getObject("id", UUID.class)),
                    ParticipantCode.of(rs.getString("participant_code")),
                    rs.getObject("starts_on", LocalDate.class),
                    rs.getObject("ends_on", LocalDate.class),
                    VisitStatus.valueOf(rs.getString("status"))))
        .list();
  }

  /** The participant's latest visit (by first day), whole. */
  public Optional<ReviewVisit> latest(ParticipantCode participant) {
    return summaries(participant, null, 0, 1).stream().findFirst().flatMap(s -> find(s.id()));
  }

  /**
   * Ids of the visits with an open action due before {@code today} (not yet escalated, if {@code
   * unescalated}), the oldest due first.
   */
  public List<ReviewVisitId> withOverdueActions(LocalDate today, boolean unescalated, int limit) {
    return jdbc.sql(
            """
            select visit_id, min(due_on) as first_due from governance_review_visit_action
            where closed_at is null and due_on < :today
              and (:all = true or escalated_at is null)
            group by visit_id order by first_due, visit_id
            fetch first :limit rows only
            """)
        .param("today", today)
        .param("all", !unescalated)
        .param("limit", limit)
        .query((rs, n) -> new ReviewVisitId(rs.getObject("visit_id", UUID.class)))
        .list();
  }

  /** Ids of the visits that have findings, or a response, recorded (for the audit). */
  public List<ReviewVisitId> ids(boolean responded) {
    return jdbc.sql(
            "select id from governance_review_visit where "
                + (responded ? "responded_at" : "conducted_at")
                + " is not null order by id")
        .query((rs, n) -> new ReviewVisitId(rs.getObject("id", UUID.class)))
        .list();
  }

  public void recordFindings(
      ReviewVisitId id, List<VisitFinding> findings, Instant at, String by, VisitStatus status) {
    for (VisitFinding f : findings) {
      jdbc.sql(
              """
              insert into governance_review_visit_finding
                (visit_id, finding_no, requirement, observation, recommendation)
              values (:visit, :no, :requirement, :observation, :recommendation)
              """)
          .param("visit", id.value())
          .param("no", f.number())
          .param("requirement", f.requirement().code())
          .param("observation", f.observation())
          .param("recommendation", f.recommendation())
          .update();
    }
    jdbc.sql(
            """
            update governance_review_visit
            set status = :status, conducted_at = :at, conducted_by = :by where id = :id
            """)
        .param("status", status.name())
        .param("at", utc(at))
        .param("by", by)
        .param("id", id.value())
        .update();
  }

  /** A proposed action of the plan. */
  public record NewActionRow(int number, int finding, String description, LocalDate dueOn) {}

  public void recordResponse(
      ReviewVisitId id,
      String response,
      List<NewActionRow> actions,
      Instant at,
      String by,
      UUID organisation,
      VisitStatus status) {
    for (NewActionRow a : actions) {
      jdbc.sql(
              """
              insert into governance_review_visit_action
                (visit_id, action_no, finding_no, description, due_on)
              values (:visit, :no, :finding, :description, :due)
              """)
          .param("visit", id.value())
          .param("no", a.number())
          .param("finding", a.finding())
          .param("description", a.description())
          .param("due", a.dueOn())
          .update();
    }
    jdbc.sql(
            """
            update governance_review_visit
            set status = :status, response = :response, responded_at = :at, responded_by = :by,
                responded_by_organisation = :org
            where id = :id
            """)
        .param("status", status.name())
        .param("response", response)
        .param("at", utc(at))
        .param("by", by)
        .param("org", organisation)
        .param("id", id.value())
        .update();
  }

  public void acceptPlan(ReviewVisitId id, Instant at, String by) {
    jdbc.sql(
            "update governance_review_visit set plan_accepted_at = :at, plan_accepted_by = :by"
                + " where id = :id")
        .param("at", utc(at))
        .param("by", by)
        .param("id", id.value())
        .update();
  }

  public void addProgress(ReviewVisitId id, int action, String note, Instant at, String by) {
    jdbc.sql(
            """
            insert into governance_review_visit_progress
              (visit_id, action_no, note, recorded_at, recorded_by)
            values (:visit, :action, :note, :at, :by)
            """)
        .param("visit", id.value())
        .param("action", action)
        .param("note", note)
        .param("at", utc(at))
        .param("by", by)
        .update();
  }

  public void closeAction(
      ReviewVisitId id, int action, String note, Instant at, String by, VisitStatus status) {
    jdbc.sql(
            """
            update governance_review_visit_action
            set closed_at = :at, closed_by = :by, closing_note = :note
            where visit_id = :visit and action_no = :action and closed_at is null
            """)
        .param("at", utc(at))
        .param("by", by)
        .param("note", note)
        .param("visit", id.value())
        .param("action", action)
        .update();
    if (status == VisitStatus.CLOSED) {
      jdbc.sql(
              "update governance_review_visit set status = :status, closed_at = :at where id = :id")
          .param("status", status.name())
          .param("at", utc(at))
          .param("id", id.value())
          .update();
    }
  }

  /** Marks an action escalated unless it already is: whether this call marked it. */
  public boolean markEscalated(ReviewVisitId id, int action, Instant at) {
    return jdbc.sql(
                """
                update governance_review_visit_action set escalated_at = :at
                where visit_id = :visit and action_no = :action and escalated_at is null
                  and closed_at is null
                """)
            .param("at", utc(at))
            .param("visit", id.value())
            .param("action", action)
            .update()
        == 1;
  }

  private ReviewVisit whole(VisitRow v) {
    List<VisitTeamMember> team =
        jdbc.sql(
                """
                select organisation_id, organisation_name, is_lead
                from governance_review_visit_team where visit_id = :visit
                order by is_lead desc, organisation_name, organisation_id
                """)
            .param("visit", v.id().value())
            .query(
                (rs, n) ->
                    new VisitTeamMember(
                        rs.getObject("organisation_id", UUID.class),
                        rs.getString("organisation_name"),
                        rs.getBoolean("is_lead")))
            .list();
    List<VisitFinding> findings =
        jdbc.sql(
                """
                select finding_no, requirement, observation, recommendation
                from governance_review_visit_finding where visit_id = :visit order by finding_no
                """)
            .param("visit", v.id().value())
            .query(
                (rs, n) ->
                    new VisitFinding(
                        rs.getInt("finding_no"),
                        MinimumRequirement.of(rs.getString("requirement")).orElseThrow(),
                        rs.getString("observation"),
                        rs.getString("recommendation")))
            .list();
    Map<Integer, List<ActionNote>> notes = new HashMap<>();
    jdbc.sql(
            """
            select action_no, note, recorded_at, recorded_by from governance_review_visit_progress
            where visit_id = :visit order by id
            """)
        .param("visit", v.id().value())
        .query(
            (rs, n) -> {
              notes
                  .computeIfAbsent(rs.getInt("action_no"), k -> new ArrayList<>())
                  .add(
                      new ActionNote(
                          rs.getString("note"),
                          instant(rs, "recorded_at"),
                          rs.getString("recorded_by")));
              return n;
            })
        .list();
    List<ActionItem> actions =
        jdbc.sql(
                """
                select action_no, finding_no, description, due_on, closed_at, closed_by,
                       closing_note, escalated_at
                from governance_review_visit_action where visit_id = :visit order by action_no
                """)
            .param("visit", v.id().value())
            .query(
                (rs, n) ->
                    new ActionItem(
                        rs.getInt("action_no"),
                        rs.getInt("finding_no"),
                        rs.getString("description"),
                        rs.getObject("due_on", LocalDate.class),
                        notes.getOrDefault(rs.getInt("action_no"), List.of()),
                        instantOrNull(rs, "closed_at"),
                        rs.getString("closed_by"),
                        rs.getString("closing_note"),
                        instantOrNull(rs, "escalated_at"),
                        false))
            .list();
    return new ReviewVisit(
        v.id(),
        v.participant(),
        v.startsOn(),
        v.endsOn(),
        v.termsOfReference(),
        team,
        v.status(),
        v.plannedAt(),
        v.plannedBy(),
        v.plannedByOrganisation(),
        v.conductedAt(),
        v.conductedBy(),
        findings,
        v.response(),
        v.planAcceptedAt(),
        v.planAcceptedBy(),
        actions,
        v.closedAt());
  }

  private record VisitRow(
      ReviewVisitId id,
      ParticipantCode participant,
      LocalDate startsOn,
      LocalDate endsOn,
      String termsOfReference,
      VisitStatus status,
      Instant plannedAt,
      String plannedBy,
      UUID plannedByOrganisation,
      @Nullable Instant conductedAt,
      @Nullable String conductedBy,
      @Nullable ReviewVisitResponse response,
      @Nullable Instant planAcceptedAt,
      @Nullable String planAcceptedBy,
      @Nullable Instant closedAt) {}

  private static VisitRow visitRow(ResultSet rs, int n) throws SQLException {
    Instant respondedAt = instantOrNull(rs, "responded_at");
    String response = rs.getString("response");
    UUID respondedByOrg = rs.getObject("responded_by_organisation", UUID.class);
    String respondedBy = rs.getString("responded_by");
    return new VisitRow(
        new ReviewVisitId(rs.getObject("id", UUID.class)),
        ParticipantCode.of(rs.getString("participant_code")),
        rs.getObject("starts_on", LocalDate.class),
        rs.getObject("ends_on", LocalDate.class),
        rs.getString("terms_of_reference"),
        VisitStatus.valueOf(rs.getString("status")),
        instant(rs, "planned_at"),
        rs.getString("planned_by"),
        rs.getObject("planned_by_organisation", UUID.class),
        instantOrNull(rs, "conducted_at"),
        rs.getString("conducted_by"),
        respondedAt == null || response == null || respondedByOrg == null || respondedBy == null
            ? null
            : new ReviewVisitResponse(response, respondedByOrg, respondedBy, respondedAt),
        instantOrNull(rs, "plan_accepted_at"),
        rs.getString("plan_accepted_by"),
        instantOrNull(rs, "closed_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}

package org.kimberlite.governance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.AnnualReportAssessment;
import org.kimberlite.governance.AnnualReportAttachment;
import org.kimberlite.governance.AnnualReportDraft;
import org.kimberlite.governance.AnnualReportQuestion;
import org.kimberlite.governance.AnnualReportVersion;
import org.kimberlite.governance.ReportSection;
import org.kimberlite.governance.ReportingYear;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Annual reports in SQL. Submitted versions and their attachment links are inserted and read, never
 * updated nor deleted: there is no statement here that would change one.
 */
@Repository
public class AnnualReportRepository {
  private static final String SECTIONS =
      "legislation, institutions, internal_controls, artisanal_production, statistics";
  private static final String ATTACHMENT =
      "a.id, a.file_name, a.media_type, a.size_bytes, a.sha256, a.added_at, a.added_by";

  private final JdbcClient jdbc;

  public AnnualReportRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---------------------------------------------------------------- due dates

  /** A due date the secretariat set. */
  public record Due(LocalDate dueOn, String setBy, Instant setAt) {}

  public Optional<Due> due(ReportingYear year) {
    return jdbc.sql(
            "select due_on, set_by, set_at from governance_report_due where reporting_year = :y")
        .param("y", year.value())
        .query(
            (rs, n) ->
                new Due(
                    rs.getObject("due_on", LocalDate.class),
                    rs.getString("set_by"),
                    instant(rs, "set_at")))
        .optional();
  }

  public void setDue(ReportingYear year, LocalDate dueOn, String by, Instant at) {
    int updated =
        jdbc.sql(
                """
                update governance_report_due set due_on = :due, set_by = :by, set_at = :at
                where reporting_year = :y
                """)
            .param("y", year.value())
            .param("due", dueOn)
            .param("by", by)
            .param("at", utc(at))
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              insert into governance_report_due (reporting_year, due_on, set_by, set_at)
              values (:y, :due, :by, :at)
              """)
          .param("y", year.value())
          .param("due", dueOn)
          .param("by", by)
          .param("at", utc(at))
          .update();
    }
  }

  // ---------------------------------------------------------------- drafts

  public Optional<AnnualReportDraft> draft(ParticipantCode p, ReportingYear y) {
    return jdbc.sql(
            "select based_on, "
                + SECTIONS
                + ", updated_at, updated_by, revision from governance_report_draft"
                + " where participant_code = :p and reporting_year = :y")
        .param("p", p.code())
        .param("y", y.value())
        .query(
            (rs, n) ->
                new AnnualReportDraft(
                    p,
                    y,
                    rs.getObject("based_on", Integer.class),
                    sections(rs),
                    List.of(),
                    rs.getLong("revision"),
                    instant(rs, "updated_at"),
                    rs.getString("updated_by")))
        .optional()
        .map(
            d ->
                new AnnualReportDraft(
                    d.participant(),
                    d.year(),
                    d.basedOn(),
                    d.sections(),
                    draftAttachments(p, y),
                    d.revision(),
                    d.updatedAt(),
                    d.updatedBy()));
  }

  /** The draft's revision, its row locked until the transaction ends; empty when none. */
  public Optional<Long> lockDraft(ParticipantCode p, ReportingYear y) {
    return jdbc.sql(
            """
            select revision from governance_report_draft
            where participant_code = :p and reporting_year = :y for update
            """)
        .param("p", p.code())
        .param("y", y.value())
        .query(Long.class)
        .optional();
  }

  public void insertDraft(
      ParticipantCode p,
      ReportingYear y,
      @Nullable Integer basedOn,
      Map<ReportSection, String> sections,
      String by,
      Instant at) {
    jdbc.sql(
            "insert into governance_report_draft (participant_code, reporting_year, based_on, "
                + SECTIONS
                + ", updated_at, updated_by, revision) values (:p, :y, :basedOn, :legislation,"
                + " :institutions, :internalControls, :artisanal, :statistics, :at, :by, 1)")
        .param("p", p.code())
        .param("y", y.value())
        .param("basedOn", basedOn)
        .params(sectionParams(sections))
        .param("at", utc(at))
        .param("by", by)
        .update();
  }

  /** Saves the sections over the draft at {@code revision}; false when it is not that revision. */
  public boolean updateDraft(
      ParticipantCode p,
      ReportingYear y,
      long revision,
      Map<ReportSection, String> sections,
      String by,
      Instant at) {
    return jdbc.sql(
                """
                update governance_report_draft
                set legislation = :legislation, institutions = :institutions,
                    internal_controls = :internalControls, artisanal_production = :artisanal,
                    statistics = :statistics, updated_at = :at, updated_by = :by,
                    revision = revision + 1
                where participant_code = :p and reporting_year = :y and revision = :revision
                """)
            .param("p", p.code())
            .param("y", y.value())
            .param("revision", revision)
            .params(sectionParams(sections))
            .param("at", utc(at))
            .param("by", by)
            .update()
        == 1;
  }

  /** Marks the draft changed (an attachment added or removed). */
  public void touchDraft(ParticipantCode p, ReportingYear y, String by, Instant at) {
    jdbc.sql(
            """
            update governance_report_draft
            set updated_at = :at, updated_by = :by, revision = revision + 1
            where participant_code = :p and reporting_year = :y
            """)
        .param("p", p.code())
        .param("y", y.value())
        .param("at", utc(at))
        .param("by", by)
        .update();
  }

  /** Removes the draft once it became a version (the attachments stay, linked to the version). */
  public void deleteDraft(ParticipantCode p, ReportingYear y) {
    jdbc.sql(
            """
            delete from governance_report_draft_attachment
            where participant_code = :p and reporting_year = :y
            """)
        .param("p", p.code())
        .param("y", y.value())
        .update();
    jdbc.sql(
            "delete from governance_report_draft where participant_code = :p and reporting_year = :y")
        .param("p", p.code())
        .param("y", y.value())
        .update();
  }

  // ---------------------------------------------------------------- versions

  public List<AnnualReportVersion> versions(ParticipantCode p, ReportingYear y) {
    List<AnnualReportVersion> bare =
        jdbc.sql(
                "select id, version, supersedes, "
                    + SECTIONS
                    + ", organisation_id, submitted_at, submitted_by, log_entry"
                    + " from governance_report_version"
                    + " where participant_code = :p and reporting_year = :y order by version")
            .param("p", p.code())
            .param("y", y.value())
            .query((rs, n) -> version(rs, p, y))
            .list();
    return bare.stream().map(this::withAttachments).toList();
  }

  public Optional<AnnualReportVersion> version(UUID id) {
    return jdbc.sql(
            "select id, participant_code, reporting_year, version, supersedes, "
                + SECTIONS
                + ", organisation_id, submitted_at, submitted_by, log_entry"
                + " from governance_report_version where id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                version(
                    rs,
                    ParticipantCode.of(rs.getString("participant_code")),
                    ReportingYear.of(rs.getInt("reporting_year"))))
        .optional()
        .map(this::withAttachments);
  }

  public List<UUID> versionIds() {
    return jdbc.sql("select id from governance_report_version order by submitted_at, id")
        .query(UUID.class)
        .list();
  }

  /** Inserts a submitted version; its attachments are those of the draft. */
  public void insertVersion(AnnualReportVersion v) {
    jdbc.sql(
            "insert into governance_report_version (id, participant_code, reporting_year, version,"
                + " supersedes, "
                + SECTIONS
                + ", organisation_id, submitted_at, submitted_by, log_entry) values (:id, :p, :y,"
                + " :version, :supersedes, :legislation, :institutions, :internalControls,"
                + " :artisanal, :statistics, :org, :at, :by, :entry)")
        .param("id", v.id())
        .param("p", v.participant().code())
        .param("y", v.year().value())
        .param("version", v.version())
        .param("supersedes", v.supersedes())
        .params(sectionParams(v.sections()))
        .param("org", v.organisationId())
        .param("at", utc(v.submittedAt()))
        .param("by", v.submittedBy())
        .param("entry", v.logEntry())
        .update();
    for (AnnualReportAttachment a : v.attachments()) {
      jdbc.sql(
              """
              insert into governance_report_version_attachment (version_id, attachment_id)
              values (:v, :a)
              """)
          .param("v", v.id())
          .param("a", a.id())
          .update();
    }
  }

  private AnnualReportVersion withAttachments(AnnualReportVersion v) {
    List<AnnualReportAttachment> files =
        jdbc.sql(
                "select "
                    + ATTACHMENT
                    + " from governance_report_attachment a join"
                    + " governance_report_version_attachment l on l.attachment_id = a.id"
                    + " where l.version_id = :v order by a.added_at, a.id")
            .param("v", v.id())
            .query(AnnualReportRepository::attachment)
            .list();
    return new AnnualReportVersion(
        v.id(),
        v.participant(),
        v.year(),
        v.version(),
        v.supersedes(),
        v.sections(),
        files,
        v.organisationId(),
        v.submittedAt(),
        v.submittedBy(),
        v.logEntry());
  }

  private static AnnualReportVersion version(ResultSet rs, ParticipantCode p, ReportingYear y)
      throws SQLException {
    return new AnnualReportVersion(
        rs.getObject("id", UUID.class),
        p,
        y,
        rs.getInt("version"),
        rs.getObject("supersedes", Integer.class),
        sections(rs),
        List.of(),
        rs.getObject("organisation_id", UUID.class),
        instant(rs, "submitted_at"),
        rs.getString("submitted_by"),
        rs.getObject("log_entry", UUID.class));
  }

  // ---------------------------------------------------------------- attachments

  public void insertAttachment(
      ParticipantCode p, ReportingYear y, AnnualReportAttachment a, byte[] content) {
    jdbc.sql(
            """
            insert into governance_report_attachment
              (id, participant_code, reporting_year, file_name, media_type, size_bytes, sha256,
               content, added_at, added_by)
            values (:id, :p, :y, :name, :type, :size, :sha, :content, :at, :by)
            """)
        .param("id", a.id())
        .param("p", p.code())
        .param("y", y.value())
        .param("name", a.name())
        .param("type", a.mediaType())
        .param("size", a.size())
        .param("sha", a.sha256())
        .param("content", content)
        .param("at", utc(a.addedAt()))
        .param("by", a.addedBy())
        .update();
    linkToDraft(p, y, a.id());
  }

  public void linkToDraft(ParticipantCode p, ReportingYear y, UUID attachment) {
    jdbc.sql(
            """
            insert into governance_report_draft_attachment
              (participant_code, reporting_year, attachment_id)
            values (:p, :y, :a)
            """)
        .param("p", p.code())
        .param("y", y.value())
        .param("a", attachment)
        .update();
  }

  /** Takes a file out of the draft; false when the draft holds no such file. */
  public boolean unlinkFromDraft(ParticipantCode p, ReportingYear y, UUID attachment) {
    return jdbc.sql(
                """
                delete from governance_report_draft_attachment
                where participant_code = :p and reporting_year = :y and attachment_id = :a
                """)
            .param("p", p.code())
            .param("y", y.value())
            .param("a", attachment)
            .update()
        == 1;
  }

  public List<AnnualReportAttachment> draftAttachments(ParticipantCode p, ReportingYear y) {
    return jdbc.sql(
            "select "
                + ATTACHMENT
                + " from governance_report_attachment a join governance_report_draft_attachment l"
                + " on l.attachment_id = a.id"
                + " where l.participant_code = :p and l.reporting_year = :y"
                + " order by a.added_at, a.id")
        .param("p", p.code())
        .param("y", y.value())
        .query(AnnualReportRepository::attachment)
        .list();
  }

  /** A file of the participant's report for the year, with its bytes. */
  public Optional<Map.Entry<AnnualReportAttachment, byte[]>> attachment(
      ParticipantCode p, ReportingYear y, UUID id) {
    return jdbc.sql(
            "select "
                + ATTACHMENT
                + ", a.content from governance_report_attachment a"
                + " where a.id = :id and a.participant_code = :p and a.reporting_year = :y")
        .param("id", id)
        .param("p", p.code())
        .param("y", y.value())
        .query((rs, n) -> Map.entry(attachment(rs, n), rs.getBytes("content")))
        .optional();
  }

  private static AnnualReportAttachment attachment(ResultSet rs, int n) throws SQLException {
    return new AnnualReportAttachment(
        rs.getObject("id", UUID.class),
        rs.getString("file_name"),
        rs.getString("media_type"),
        rs.getLong("size_bytes"),
        rs.getString("sha256"),
        instant(rs, "added_at"),
        rs.getString("added_by"));
  }

  // ---------------------------------------------------------------- assessments

  public List<AnnualReportAssessment> assessments(ParticipantCode p, ReportingYear y) {
    Map<UUID, List<AnnualReportQuestion>> questions = new HashMap<>();
    jdbc.sql(
            """
            select q.assessment_id, q.id, q.position, q.question, q.answer, q.answered_by,
                   q.answered_at
            from governance_report_question q
            join governance_report_assessment a on a.id = q.assessment_id
            join governance_report_version v on v.id = a.version_id
            where v.participant_code = :p and v.reporting_year = :y
            order by q.position
            """)
        .param("p", p.code())
        .param("y", y.value())
        .query(
            (rs, n) -> {
              OffsetDateTime answeredAt = rs.getObject("answered_at", OffsetDateTime.class);
              questions
                  .computeIfAbsent(
                      rs.getObject("assessment_id", UUID.class), k -> new ArrayList<>())
                  .add(
                      new AnnualReportQuestion(
                          rs.getObject("id", UUID.class),
                          rs.getInt("position"),
                          rs.getString("question"),
                          rs.getString("answer"),
                          rs.getString("answered_by"),
                          answeredAt == null ? null : answeredAt.toInstant()));
              return 0;
            })
        .list();
    return jdbc.sql(
            """
            select a.id, v.version, a.assessment, a.organisation_id, a.organisation_name,
                   a.assessed_by, a.assessed_at
            from governance_report_assessment a
            join governance_report_version v on v.id = a.version_id
            where v.participant_code = :p and v.reporting_year = :y
            order by a.assessed_at, a.id
            """)
        .param("p", p.code())
        .param("y", y.value())
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              return new AnnualReportAssessment(
                  id,
                  rs.getInt("version"),
                  rs.getString("assessment"),
                  rs.getObject("organisation_id", UUID.class),
                  rs.getString("organisation_name"),
                  rs.getString("assessed_by"),
                  instant(rs, "assessed_at"),
                  questions.getOrDefault(id, List.of()));
            })
        .list();
  }

  public void insertAssessment(UUID versionId, AnnualReportAssessment a) {
    jdbc.sql(
            """
            insert into governance_report_assessment
              (id, version_id, assessment, organisation_id, organisation_name, assessed_by,
               assessed_at)
            values (:id, :v, :text, :org, :orgName, :by, :at)
            """)
        .param("id", a.id())
        .param("v", versionId)
        .param("text", a.assessment())
        .param("org", a.organisationId())
        .param("orgName", a.organisationName())
        .param("by", a.assessedBy())
        .param("at", utc(a.assessedAt()))
        .update();
    for (AnnualReportQuestion q : a.questions()) {
      jdbc.sql(
              """
              insert into governance_report_question (id, assessment_id, position, question)
              values (:id, :a, :pos, :q)
              """)
          .param("id", q.id())
          .param("a", a.id())
          .param("pos", q.position())
          .param("q", q.question())
          .update();
    }
  }

  /** Records the answer to a question not answered yet; false when it was answered. */
  public boolean answer(UUID question, String answer, String by, Instant at) {
    return jdbc.sql(
                """
                update governance_report_question
                set answer = :answer, answered_by = :by, answered_at = :at
                where id = :id and answer is null
                """)
            .param("id", question)
            .param("answer", answer)
            .param("by", by)
            .param("at", utc(at))
            .update()
        == 1;
  }

  // ---------------------------------------------------------------- overview

  /** A participant's report for a year, summed up. */
  public record Summary(
      int latestVersion,
      @Nullable Instant firstSubmittedAt,
      @Nullable Instant lastSubmittedAt,
      boolean drafting,
      int openQuestions) {}

  /** Every participant's summary for a year, by participant code (those with anything). */
  public Map<String, Summary> summaries(ReportingYear y) {
    Map<String, Summary> out = new LinkedHashMap<>();
    jdbc.sql(
            """
            select participant_code, max(version) as latest, min(submitted_at) as first_at,
                   max(submitted_at) as last_at
            from governance_report_version where reporting_year = :y group by participant_code
            """)
        .param("y", y.value())
        .query(
            (rs, n) ->
                out.put(
                    rs.getString("participant_code"),
                    new Summary(
                        rs.getInt("latest"),
                        instant(rs, "first_at"),
                        instant(rs, "last_at"),
                        false,
                        0)))
        .list();
    jdbc.sql("select participant_code from governance_report_draft where reporting_year = :y")
        .param("y", y.value())
        .query(String.class)
        .list()
        .forEach(
            code -> {
              Summary s = out.get(code);
              out.put(
                  code,
                  s == null
                      ? new Summary(0, null, null, true, 0)
                      : new Summary(
                          s.latestVersion(), s.firstSubmittedAt(), s.lastSubmittedAt(), true, 0));
            });
    jdbc.sql(
            """
            select v.participant_code, count(*) as open_questions
            from governance_report_question q
            join governance_report_assessment a on a.id = q.assessment_id
            join governance_report_version v on v.id = a.version_id
            where v.reporting_year = :y and q.answer is null
            group by v.participant_code
            """)
        .param("y", y.value())
        .query(
            (rs, n) -> {
              String code = rs.getString("participant_code");
              Summary s = out.get(code);
              if (s != null) {
                out.put(
                    code,
                    new Summary(
                        s.latestVersion(),
                        s.firstSubmittedAt(),
                        s.lastSubmittedAt(),
                        s.drafting(),
                        rs.getInt("open_questions")));
              }
              return 0;
            })
        .list();
    return out;
  }

  // ---------------------------------------------------------------- rows

  private static Map<ReportSection, String> sections(ResultSet rs) throws SQLException {
    Map<ReportSection, String> m = new EnumMap<>(ReportSection.class);
    m.put(ReportSection.LEGISLATION, rs.getString("legislation"));
    m.put(ReportSection.INSTITUTIONS, rs.getString("institutions"));
    m.put(ReportSection.INTERNAL_CONTROLS, rs.getString("internal_controls"));
    m.put(ReportSection.ARTISANAL_PRODUCTION, rs.getString("artisanal_production"));
    m.put(ReportSection.STATISTICS, rs.getString("statistics"));
    return m;
  }

  private static Map<String, Object> sectionParams(Map<ReportSection, String> sections) {
    Map<String, Object> m = new HashMap<>();
    m.put("legislation", sections.getOrDefault(ReportSection.LEGISLATION, ""));
    m.put("institutions", sections.getOrDefault(ReportSection.INSTITUTIONS, ""));
    m.put("internalControls", sections.getOrDefault(ReportSection.INTERNAL_CONTROLS, ""));
    m.put("artisanal", sections.getOrDefault(ReportSection.ARTISANAL_PRODUCTION, ""));
    m.put("statistics", sections.getOrDefault(ReportSection.STATISTICS, ""));
    return m;
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}

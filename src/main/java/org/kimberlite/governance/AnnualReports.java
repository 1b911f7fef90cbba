package org.kimberlite.governance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.internal.AnnualReportRecords;
import org.kimberlite.governance.internal.AnnualReportRepository;
import org.kimberlite.governance.internal.AnnualReportStandings;
import org.kimberlite.governance.internal.AttachmentTypes;
import org.kimberlite.ledger.Receipt;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.AuditTrail;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.ParticipantDetail;
import org.kimberlite.registry.ParticipantSummary;
import org.kimberlite.registry.Participants;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.PrintableText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Participants' annual reports (docs/governance.md): the participant's KP authority drafts its
 * report for a year (sections and attachments) and submits it; a submitted version is never changed
 * and is committed to the transparency log, and a correction is a new version that supersedes it.
 * The secretariat and the members of the Working Group on Monitoring read every participant's
 * submitted versions and see who filed, late or not at all; a member records an assessment with
 * follow-up questions, which the authority answers. Anyone else learns nothing.
 */
@Service
public class AnnualReports {
  private final AnnualReportRepository repository;
  private final Participants participants;
  private final Memberships memberships;
  private final TransparencyLog log;
  private final AuditTrail audit;
  private final AnnualReportProperties properties;
  private final Clock clock;

  AnnualReports(
      AnnualReportRepository repository,
      Participants participants,
      Memberships memberships,
      TransparencyLog log,
      AuditTrail audit,
      AnnualReportProperties properties,
      Clock clock) {
    this.repository = repository;
    this.participants = participants;
    this.memberships = memberships;
    this.log = log;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The same use cases as of another clock (the demo files last year's reports on their own dates).
   * The copy is no Spring proxy: run its writes in a transaction of your own.
   */
  public AnnualReports on(Clock other) {
    return new AnnualReports(repository, participants, memberships, log, audit, properties, other);
  }

  // ---------------------------------------------------------------- who may

  /** Whether the caller files {@code participant}'s reports: its KP authority. */
  public boolean files(Caller caller, ParticipantCode participant) {
    return caller.has(OrganisationRole.KP_AUTHORITY) && participant.equals(caller.participant());
  }

  /** Whether the caller sits on the Working Group on Monitoring. */
  public boolean assesses(Caller caller) {
    return memberships.sits(caller, Body.WORKING_GROUP_ON_MONITORING, null);
  }

  /** Whether the caller sees every participant's reports: the secretariat or a WGM member. */
  public boolean oversees(Caller caller) {
    return caller.has(OrganisationRole.KP_SECRETARIAT) || assesses(caller);
  }

  private boolean reads(Caller caller, ParticipantCode participant) {
    return files(caller, participant) || oversees(caller);
  }

  // ---------------------------------------------------------------- reading

  /** Today, by this service's clock (UTC). */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The year's due date: as the secretariat set it, else the configured default. */
  @Transactional(readOnly = true)
  public LocalDate dueOn(ReportingYear year) {
    return repository
        .due(year)
        .map(AnnualReportRepository.Due::dueOn)
        .orElseGet(() -> AnnualReportStandings.defaultDue(year, properties.annualReportDue()));
  }

  /** The report as the caller may see it; empty when it may not (it learns nothing). */
  @Transactional(readOnly = true)
  public Optional<AnnualReport> report(
      Caller caller, ParticipantCode participant, ReportingYear y) {
    if (!reads(caller, participant)) {
      return Optional.empty();
    }
    return participants.detail(participant).map(d -> assemble(caller, d, y));
  }

  private AnnualReport assemble(Caller caller, ParticipantDetail detail, ReportingYear y) {
    ParticipantCode p = detail.participant().code();
    Optional<AnnualReportDraft> draft = repository.draft(p, y);
    List<AnnualReportVersion> versions = repository.versions(p, y);
    LocalDate due = dueOn(y);
    AnnualReportStanding standing =
        AnnualReportStandings.of(
            due,
            LocalDate.now(clock),
            versions.isEmpty() ? null : versions.getFirst().submittedAt(),
            draft.isPresent());
    boolean files = files(caller, p);
    return new AnnualReport(
        p,
        detail.participant().name(),
        y,
        due,
        standing,
        files ? draft.orElse(null) : null,
        versions,
        repository.assessments(p, y),
        files,
        assesses(caller));
  }

  /** Every participant's report for a year: the secretariat and WGM members only. */
  @Transactional(readOnly = true)
  public AnnualReportOverviewOutcome overview(Caller caller, ReportingYear y) {
    if (!oversees(caller)) {
      return new AnnualReportOverviewOutcome.NotAllowed();
    }
    LocalDate today = LocalDate.now(clock);
    Optional<AnnualReportRepository.Due> set = repository.due(y);
    LocalDate due = dueOn(y);
    Map<String, AnnualReportRepository.Summary> summaries = repository.summaries(y);
    List<AnnualReportOverview.Row> rows = new ArrayList<>();
    for (ParticipantSummary s : participants.list(y.lastDay())) {
      if (!s.standing().isParticipant()) {
        continue;
      }
      ParticipantCode p = s.participant().code();
      AnnualReportRepository.Summary sum =
          summaries.getOrDefault(
              p.code(), new AnnualReportRepository.Summary(0, null, null, false, 0));
      rows.add(
          new AnnualReportOverview.Row(
              p,
              s.participant().name(),
              AnnualReportStandings.of(due, today, sum.firstSubmittedAt(), sum.drafting()),
              sum.latestVersion(),
              sum.firstSubmittedAt(),
              sum.lastSubmittedAt(),
              sum.openQuestions()));
    }
    rows.sort(java.util.Comparator.comparing(r -> r.participant().code()));
    return new AnnualReportOverviewOutcome.Listed(
        new AnnualReportOverview(
            y, due, set.map(AnnualReportRepository.Due::setBy).orElse(null), today, rows));
  }

  /** A file of the report, with its bytes, if the caller may see it. */
  @Transactional(readOnly = true)
  public Optional<Map.Entry<AnnualReportAttachment, byte[]>> attachment(
      Caller caller, ParticipantCode participant, ReportingYear y, UUID id) {
    Optional<AnnualReport> report = report(caller, participant, y);
    if (report.isEmpty()) {
      return Optional.empty();
    }
    boolean listed =
        report.get().versions().stream()
                .flatMap(v -> v.attachments().stream())
                .anyMatch(a -> a.id().equals(id))
            || (report.get().draft() != null
                && report.get().draft().attachments().stream().anyMatch(a -> a.id().equals(id)));
    return listed ? repository.attachment(participant, y, id) : Optional.empty();
  }

  // ---------------------------------------------------------------- the due date

  /**
   * Sets a reporting year's due date (the secretariat only); from the year's first day to three
   * years after it.
   */
  @Transactional
  public AnnualReportOverviewOutcome setDue(Caller caller, ReportingYear y, LocalDate dueOn) {
    if (!caller.has(OrganisationRole.KP_SECRETARIAT)) {
      return new AnnualReportOverviewOutcome.NotAllowed();
    }
    if (dueOn.isBefore(LocalDate.of(y.value(), 1, 1)) || dueOn.isAfter(y.lastDay().plusYears(3))) {
      return new AnnualReportOverviewOutcome.Invalid(
          "dueOn", "a date from " + y + "-01-01 to " + y.lastDay().plusYears(3));
    }
    LocalDate before = dueOn(y);
    repository.setDue(y, dueOn, caller.username(), now());
    Map<String, @Nullable Object> d = new LinkedHashMap<>();
    d.put("year", y.value());
    d.put("dueOn", dueOn.toString());
    d.put("before", before.toString());
    audit.record(caller, "governance.annual-report-due", "annual-reports:" + y, d);
    return overview(caller, y);
  }

  // ---------------------------------------------------------------- filing

  /**
   * Saves sections of the draft (those named; the others keep their text), starting the draft if
   * there is none and nothing was submitted. {@code revision}, when given, must be the draft's
   * current revision.
   */
  @Transactional
  public AnnualReportChange saveDraft(
      Caller caller,
      ParticipantCode p,
      ReportingYear y,
      Map<ReportSection, String> sections,
      @Nullable Long revision) {
    Optional<AnnualReportChange> refused = mayFile(caller, p, y);
    if (refused.isPresent()) {
      return refused.get();
    }
    Map<String, String> errors = new LinkedHashMap<>();
    sections.forEach(
        (s, text) ->
            PrintableText.freeTextFault(text, ReportSection.MAX_CHARS)
                .ifPresent(f -> errors.put("sections." + s.name(), f)));
    if (!errors.isEmpty()) {
      return new AnnualReportChange.Invalid(errors);
    }
    Instant at = now();
    Optional<Long> current = repository.lockDraft(p, y);
    if (current.isPresent()) {
      if (revision != null && revision.longValue() != current.get()) {
        return stale(current.get());
      }
      Map<ReportSection, String> merged =
          new EnumMap<>(repository.draft(p, y).orElseThrow().sections());
      merged.putAll(sections);
      if (!repository.updateDraft(p, y, current.get(), merged, caller.username(), at)) {
        return stale(current.get());
      }
    } else {
      Optional<AnnualReportChange> submitted = submittedAlready(p, y);
      if (submitted.isPresent()) {
        return submitted.get();
      }
      Map<ReportSection, String> all = new EnumMap<>(ReportSection.class);
      for (ReportSection s : ReportSection.values()) {
        all.put(s, sections.getOrDefault(s, ""));
      }
      repository.insertDraft(p, y, null, all, caller.username(), at);
    }
    Map<String, @Nullable Object> d = subject(p, y);
    d.put("sections", sections.keySet().stream().map(Enum::name).sorted().toList());
    audit.record(caller, "governance.annual-report-draft", subjectId(p, y), d);
    return done(caller, p, y);
  }

  /** Attaches a file to the draft (starting one if there is none and nothing was submitted). */
  @Transactional
  public AnnualReportChange attach(
      Caller caller, ParticipantCode p, ReportingYear y, String name, byte[] content) {
    Optional<AnnualReportChange> refused = mayFile(caller, p, y);
    if (refused.isPresent()) {
      return refused.get();
    }
    Optional<String> nameFault =
        PrintableText.identifierFault(name, AnnualReportAttachment.MAX_NAME);
    if (nameFault.isEmpty() && (name.isBlank() || name.contains("/") || name.contains("\\"))) {
      nameFault = Optional.of("a file name without folders");
    }
    if (nameFault.isPresent()) {
      return AnnualReportChange.Invalid.of("name", nameFault.get());
    }
    if (content.length == 0) {
      return AnnualReportChange.Invalid.of("file", "the file is empty");
    }
    if (content.length > AnnualReportAttachment.MAX_BYTES) {
      return AnnualReportChange.Invalid.of(
          "file", "a file holds at most " + AnnualReportAttachment.MAX_BYTES + " bytes (5 MiB)");
    }
    Optional<AttachmentTypes.Found> type = AttachmentTypes.of(content, name);
    if (type.isEmpty()) {
      return AnnualReportChange.Invalid.of(
          "file", "only PDF documents, PNG or JPEG images, CSV or plain text (UTF-8) are accepted");
    }
    if (!type.get().fits(name)) {
      return AnnualReportChange.Invalid.of(
          "name",
          "the file is "
              + type.get().label()
              + ": its name ends with "
              + String.join(" or ", type.get().extensions()));
    }
    Instant at = now();
    Optional<AnnualReportChange> opened = draftToChange(caller, p, y, at);
    if (opened.isPresent()) {
      return opened.get();
    }
    if (repository.draftAttachments(p, y).size() >= AnnualReportAttachment.MAX_FILES) {
      return AnnualReportChange.Invalid.of(
          "file", "a report holds at most " + AnnualReportAttachment.MAX_FILES + " files");
    }
    AnnualReportAttachment a =
        new AnnualReportAttachment(
            UUID.randomUUID(),
            name,
            type.get().mediaType(),
            content.length,
            AnnualReportRecords.sha256(content),
            at,
            caller.username());
    repository.insertAttachment(p, y, a, content);
    repository.touchDraft(p, y, caller.username(), at);
    Map<String, @Nullable Object> d = subject(p, y);
    d.put("attachment", a.id().toString());
    d.put("name", a.name());
    d.put("mediaType", a.mediaType());
    d.put("size", a.size());
    d.put("sha256", a.sha256());
    audit.record(caller, "governance.annual-report-attachment", subjectId(p, y), d);
    return done(caller, p, y);
  }

  /** Takes a file out of the draft. */
  @Transactional
  public AnnualReportChange detach(Caller caller, ParticipantCode p, ReportingYear y, UUID id) {
    Optional<AnnualReportChange> refused = mayFile(caller, p, y);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (repository.lockDraft(p, y).isEmpty()) {
      return submittedAlready(p, y).orElse(new AnnualReportChange.NotFound());
    }
    if (!repository.unlinkFromDraft(p, y, id)) {
      return new AnnualReportChange.NotFound();
    }
    repository.touchDraft(p, y, caller.username(), now());
    Map<String, @Nullable Object> d = subject(p, y);
    d.put("attachment", id.toString());
    audit.record(caller, "governance.annual-report-attachment-removed", subjectId(p, y), d);
    return done(caller, p, y);
  }

  /**
   * Submits the draft as the next version: immutable from then on, committed to the transparency
   * log, superseding the version before it. Every section needs text.
   */
  @Transactional
  public AnnualReportChange submit(Caller caller, ParticipantCode p, ReportingYear y) {
    Optional<AnnualReportChange> refused = mayFile(caller, p, y);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (repository.lockDraft(p, y).isEmpty()) {
      return submittedAlready(p, y)
          .orElse(
              new AnnualReportChange.Conflict(
                  "annual-report-no-draft",
                  "There is no draft to submit: write the report first."));
    }
    AnnualReportDraft draft = repository.draft(p, y).orElseThrow();
    Map<String, String> errors = new LinkedHashMap<>();
    for (ReportSection s : ReportSection.values()) {
      if (draft.sections().getOrDefault(s, "").isBlank()) {
        errors.put("sections." + s.name(), "write this section (or say why it does not apply)");
      }
    }
    if (!errors.isEmpty()) {
      return new AnnualReportChange.Invalid(errors);
    }
    List<AnnualReportVersion> versions = repository.versions(p, y);
    Integer supersedes = versions.isEmpty() ? null : versions.getLast().version();
    Instant at = now();
    AnnualReportVersion unlogged =
        new AnnualReportVersion(
            UUID.randomUUID(),
            p,
            y,
            versions.size() + 1,
            supersedes,
            draft.sections(),
            draft.attachments(),
            caller.organisationId(),
            at,
            caller.username(),
            new UUID(0, 0));
    Receipt receipt = log.record(AnnualReportRecords.commitment(unlogged));
    AnnualReportVersion v =
        new AnnualReportVersion(
            unlogged.id(),
            p,
            y,
            unlogged.version(),
            supersedes,
            unlogged.sections(),
            unlogged.attachments(),
            unlogged.organisationId(),
            at,
            unlogged.submittedBy(),
            receipt.entryId());
    repository.insertVersion(v);
    repository.deleteDraft(p, y);
    Map<String, @Nullable Object> d = subject(p, y);
    d.put("version", v.version());
    d.put("supersedes", supersedes);
    d.put("versionId", v.id().toString());
    d.put("logEntry", receipt.entryId().toString());
    audit.record(caller, "governance.annual-report-submitted", subjectId(p, y), d);
    return done(caller, p, y);
  }

  /**
   * Opens a correction: a new draft from the latest version, to be submitted as the next version.
   */
  @Transactional
  public AnnualReportChange correct(Caller caller, ParticipantCode p, ReportingYear y) {
    Optional<AnnualReportChange> refused = mayFile(caller, p, y);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (repository.lockDraft(p, y).isPresent()) {
      return new AnnualReportChange.Conflict(
          "annual-report-draft-open", "A draft is open already: edit it and submit it.");
    }
    List<AnnualReportVersion> versions = repository.versions(p, y);
    if (versions.isEmpty()) {
      return new AnnualReportChange.Conflict(
          "annual-report-not-submitted",
          "Nothing was submitted yet: edit the draft and submit it.");
    }
    AnnualReportVersion last = versions.getLast();
    Instant at = now();
    repository.insertDraft(p, y, last.version(), last.sections(), caller.username(), at);
    for (AnnualReportAttachment a : last.attachments()) {
      repository.linkToDraft(p, y, a.id());
    }
    Map<String, @Nullable Object> d = subject(p, y);
    d.put("basedOn", last.version());
    audit.record(caller, "governance.annual-report-correction", subjectId(p, y), d);
    return done(caller, p, y);
  }

  // ---------------------------------------------------------------- assessing

  /**
   * A member of the Working Group on Monitoring records its assessment of the latest submitted
   * version, with follow-up questions for the participant (none to {@value
   * AnnualReportAssessment#MAX_QUESTIONS}).
   */
  @Transactional
  public AnnualReportChange assess(
      Caller caller,
      ParticipantCode p,
      ReportingYear y,
      int version,
      String text,
      List<String> questions) {
    Optional<AnnualReport> seen = report(caller, p, y);
    if (seen.isEmpty()) {
      return new AnnualReportChange.NotFound();
    }
    if (!seen.get().mayAssess()) {
      return new AnnualReportChange.NotAllowed(
          "Only members of the Working Group on Monitoring assess annual reports.");
    }
    Optional<AnnualReportVersion> v = seen.get().version(version);
    if (v.isEmpty()) {
      return new AnnualReportChange.NotFound();
    }
    int latest = seen.get().latest().orElseThrow().version();
    if (latest != version) {
      return new AnnualReportChange.Conflict(
          "annual-report-superseded",
          "Version " + version + " was superseded by version " + latest + ": assess the latest.");
    }
    Map<String, String> errors = new LinkedHashMap<>();
    if (text.isBlank()) {
      errors.put("assessment", "write the assessment");
    } else {
      PrintableText.freeTextFault(text, AnnualReportAssessment.MAX_TEXT)
          .ifPresent(f -> errors.put("assessment", f));
    }
    if (questions.size() > AnnualReportAssessment.MAX_QUESTIONS) {
      errors.put(
          "questions", "at most " + AnnualReportAssessment.MAX_QUESTIONS + " questions at a time");
    } else {
      for (int i = 0; i < questions.size(); i++) {
        String q = questions.get(i);
        int n = i;
        if (q.isBlank()) {
          errors.put("questions[" + n + "]", "an empty question");
        } else {
          PrintableText.freeTextFault(q, AnnualReportQuestion.MAX_QUESTION)
              .ifPresent(f -> errors.put("questions[" + n + "]", f));
        }
      }
    }
    if (!errors.isEmpty()) {
      return new AnnualReportChange.Invalid(errors);
    }
    Instant at = now();
    List<AnnualReportQuestion> asked = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      asked.add(
          new AnnualReportQuestion(UUID.randomUUID(), i + 1, questions.get(i), null, null, null));
    }
    AnnualReportAssessment a =
        new AnnualReportAssessment(
            UUID.randomUUID(),
            version,
            text,
            caller.organisationId(),
            caller.organisationName(),
            caller.username(),
            at,
            asked);
    repository.insertAssessment(v.get().id(), a);
    Map<String, @Nullable Object> d = subject(p, y);
    d.put("version", version);
    d.put("assessment", a.id().toString());
    d.put("textSha256", AnnualReportRecords.sha256(text));
    d.put("questions", asked.stream().map(q -> q.id().toString()).toList());
    audit.record(caller, "governance.annual-report-assessment", subjectId(p, y), d);
    return done(caller, p, y);
  }

  /** The participant's authority answers a follow-up question, once. */
  @Transactional
  public AnnualReportChange answer(
      Caller caller, ParticipantCode p, ReportingYear y, UUID question, String text) {
    Optional<AnnualReport> seen = report(caller, p, y);
    if (seen.isEmpty()) {
      return new AnnualReportChange.NotFound();
    }
    boolean asked =
        seen.get().assessments().stream()
            .flatMap(a -> a.questions().stream())
            .anyMatch(q -> q.id().equals(question));
    if (!asked) {
      return new AnnualReportChange.NotFound();
    }
    if (!seen.get().mayFile()) {
      return new AnnualReportChange.NotAllowed(
          "Only " + p + "'s KP authority answers questions on its annual report.");
    }
    if (text.isBlank()) {
      return AnnualReportChange.Invalid.of("answer", "write the answer");
    }
    Optional<String> fault = PrintableText.freeTextFault(text, AnnualReportQuestion.MAX_ANSWER);
    if (fault.isPresent()) {
      return AnnualReportChange.Invalid.of("answer", fault.get());
    }
    if (!repository.answer(question, text, caller.username(), now())) {
      return new AnnualReportChange.Conflict(
          "annual-report-answered", "The question was answered already.");
    }
    Map<String, @Nullable Object> d = subject(p, y);
    d.put("question", question.toString());
    d.put("answerSha256", AnnualReportRecords.sha256(text));
    audit.record(caller, "governance.annual-report-answer", subjectId(p, y), d);
    return done(caller, p, y);
  }

  // ---------------------------------------------------------------- helpers

  /** Refusals common to filing: who, and which years. */
  private Optional<AnnualReportChange> mayFile(Caller caller, ParticipantCode p, ReportingYear y) {
    if (!reads(caller, p) || participants.detail(p).isEmpty()) {
      return Optional.of(new AnnualReportChange.NotFound());
    }
    if (!files(caller, p)) {
      return Optional.of(
          new AnnualReportChange.NotAllowed(
              "Only " + p + "'s KP authority files and changes its annual report."));
    }
    if (y.value() > LocalDate.now(clock).getYear()) {
      return Optional.of(
          AnnualReportChange.Invalid.of("year", "a report is filed for this year or a past one"));
    }
    return Optional.empty();
  }

  /** Opens an empty draft when there is none (refused when a version was submitted). */
  private Optional<AnnualReportChange> draftToChange(
      Caller caller, ParticipantCode p, ReportingYear y, Instant at) {
    if (repository.lockDraft(p, y).isPresent()) {
      return Optional.empty();
    }
    Optional<AnnualReportChange> submitted = submittedAlready(p, y);
    if (submitted.isPresent()) {
      return submitted;
    }
    Map<ReportSection, String> empty = new EnumMap<>(ReportSection.class);
    for (ReportSection s : ReportSection.values()) {
      empty.put(s, "");
    }
    repository.insertDraft(p, y, null, empty, caller.username(), at);
    return Optional.empty();
  }

  private Optional<AnnualReportChange> submittedAlready(ParticipantCode p, ReportingYear y) {
    List<AnnualReportVersion> versions = repository.versions(p, y);
    if (versions.isEmpty()) {
      return Optional.empty();
    }
    int n = versions.getLast().version();
    return Optional.of(
        new AnnualReportChange.Conflict(
            "annual-report-submitted",
            "Version "
                + n
                + " of "
                + p
                + "'s annual report for "
                + y
                + " was submitted and cannot be changed: open a correction, which becomes version "
                + (n + 1)
                + " when submitted."));
  }

  private static AnnualReportChange stale(long current) {
    return new AnnualReportChange.Conflict(
        "annual-report-stale",
        "The draft was changed meanwhile (it is at revision "
            + current
            + "): reload it and save again.");
  }

  private AnnualReportChange done(Caller caller, ParticipantCode p, ReportingYear y) {
    return new AnnualReportChange.Done(report(caller, p, y).orElseThrow());
  }

  private static Map<String, @Nullable Object> subject(ParticipantCode p, ReportingYear y) {
    Map<String, @Nullable Object> d = new LinkedHashMap<>();
    d.put("participant", p.code());
    d.put("year", y.value());
    return d;
  }

  private static String subjectId(ParticipantCode p, ReportingYear y) {
    return "annual-report:" + p + ":" + y;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}

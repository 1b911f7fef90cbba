package org.kimberlite.governance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;

/**
 * A participant's annual report for a year as the caller may see it: its due date and standing, the
 * draft (its own authority only), every submitted version (oldest first) and the assessments.
 *
 * @param draft the open draft, shown to the participant's authority only
 * @param mayFile whether the caller edits and submits (the participant's KP authority)
 * @param mayAssess whether the caller records assessments (a member of the WGM)
 */
public record AnnualReport(
    ParticipantCode participant,
    String participantName,
    ReportingYear year,
    LocalDate dueOn,
    AnnualReportStanding standing,
    @Nullable AnnualReportDraft draft,
    List<AnnualReportVersion> versions,
    List<AnnualReportAssessment> assessments,
    boolean mayFile,
    boolean mayAssess) {
  public AnnualReport {
    versions = List.copyOf(versions);
    assessments = List.copyOf(assessments);
  }

  /** The latest submitted version, if any. */
  public Optional<AnnualReportVersion> latest() {
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
  }

  /** A submitted version by number. */
  public Optional<AnnualReportVersion> version(int number) {
    return versions.stream().filter(v -> v.version() == number).findFirst();
  }
}

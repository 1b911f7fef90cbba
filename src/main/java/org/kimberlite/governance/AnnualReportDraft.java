package org.kimberlite.governance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;

/**
 * The authority's working copy of an annual report: editable until submitted.
 *
 * @param basedOn the version a correction started from; {@code null} for a first filing
 * @param revision grows by one on every save (a save naming an older revision is refused)
 */
public record AnnualReportDraft(
    ParticipantCode participant,
    ReportingYear year,
    @Nullable Integer basedOn,
    Map<ReportSection, String> sections,
    List<AnnualReportAttachment> attachments,
    long revision,
    Instant updatedAt,
    String updatedBy) {
  public AnnualReportDraft {
    sections = Map.copyOf(sections);
    attachments = List.copyOf(attachments);
  }
}

package org.kimberlite.governance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;

/**
 * A submitted version of an annual report: never changed, committed to the transparency log.
 *
 * @param supersedes the version this one corrects; {@code null} for the first
 * @param organisationId the authority that submitted it (the audience of its log record)
 * @param logEntry the transparency log entry of the version
 */
public record AnnualReportVersion(
    UUID id,
    ParticipantCode participant,
    ReportingYear year,
    int version,
    @Nullable Integer supersedes,
    Map<ReportSection, String> sections,
    List<AnnualReportAttachment> attachments,
    UUID organisationId,
    Instant submittedAt,
    String submittedBy,
    UUID logEntry) {
  public AnnualReportVersion {
    sections = Map.copyOf(sections);
    attachments = List.copyOf(attachments);
  }

  /** Where the log entry's proof is read. */
  public String logHref() {
    return "/api/v1/log/entries/" + logEntry;
  }
}

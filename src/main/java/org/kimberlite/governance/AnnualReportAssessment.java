package org.kimberlite.governance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The Working Group on Monitoring's assessment of one submitted version, with its follow-up
 * questions.
 *
 * @param version the version assessed
 * @param organisationName the member organisation that recorded it
 */
public record AnnualReportAssessment(
    UUID id,
    int version,
    String assessment,
    UUID organisationId,
    String organisationName,
    String assessedBy,
    Instant assessedAt,
    List<AnnualReportQuestion> questions) {
  /** The longest assessment text. */
  public static final int MAX_TEXT = 10_000;

  /** The most questions one assessment asks. */
  public static final int MAX_QUESTIONS = 20;

  public AnnualReportAssessment {
    questions = List.copyOf(questions);
  }
}

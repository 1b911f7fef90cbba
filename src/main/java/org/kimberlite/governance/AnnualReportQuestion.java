package org.kimberlite.governance;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A follow-up question of the Working Group on Monitoring, and the participant's answer once given.
 */
public record AnnualReportQuestion(
    UUID id,
    int position,
    String question,
    @Nullable String answer,
    @Nullable String answeredBy,
    @Nullable Instant answeredAt) {
  /** The longest question. */
  public static final int MAX_QUESTION = 2_000;

  /** The longest answer. */
  public static final int MAX_ANSWER = 10_000;

  public boolean answered() {
    return answer != null;
  }
}

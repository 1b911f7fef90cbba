package org.kimberlite.shared.problem;

import java.time.Duration;
import java.util.List;

/** A refusal because too many attempts came too fast: 429, answered with a Retry-After. */
public class RetryLater extends Problem {
  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public RetryLater(String detail, Duration wait) {
    super(429, "too-many-requests", "Too many requests", detail, List.of(), List.of());
    this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  /** Whole seconds to wait before trying again, at least one. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}

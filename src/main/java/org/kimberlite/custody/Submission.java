package org.kimberlite.custody;

import java.util.UUID;

/** The answer to a capture request, before any event is checked. */
public sealed interface Submission {
  /** Accepted for capture: the job will say how it went. */
  record Submitted(UUID jobId, int events) implements Submission {}

  /** The body is not a capture document (not JSON, not an EPCISDocument). */
  record NotADocument(String detail) implements Submission {}

  /** More events than one capture may hold. */
  record TooManyEvents(int events, int limit) implements Submission {}

  /** One event is larger than an event may be. */
  record EventTooLarge(int eventIndex, int bytes, int limit) implements Submission {}
}

package org.kimberlite.custody;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A capture job of the EPCIS REST binding: running until the worker has processed the document;
 * then successful when every event was stored (or was stored before).
 *
 * @param eventsStored events stored by this capture
 * @param eventsKnown events that were stored before (CUS-02): not stored again
 * @param errors why events were refused (when not successful)
 * @param findings findings kept with stored events (flags)
 */
public record CaptureJob(
    UUID id,
    UUID organisationId,
    Instant createdAt,
    @Nullable Instant finishedAt,
    boolean running,
    boolean success,
    ErrorBehaviour behaviour,
    int eventsTotal,
    int eventsStored,
    int eventsKnown,
    List<CaptureError> errors,
    List<CaptureError> findings) {

  public CaptureJob {
    errors = List.copyOf(errors);
    findings = List.copyOf(findings);
  }
}

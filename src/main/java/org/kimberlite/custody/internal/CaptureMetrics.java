package org.kimberlite.custody.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The capture throughput: {@code kimberlite.capture.events} by {@code outcome} ({@code stored},
 * {@code known}: already held and skipped, {@code refused}), {@code kimberlite.capture.jobs} by
 * {@code outcome} ({@code succeeded}, {@code refused}: the document or an event refused, {@code
 * failed}: an internal failure), each counted once the job's result is committed, and {@code
 * kimberlite.capture.processing}, the time the worker spends on a group of jobs. Labels carry
 * outcomes only: never an organisation, a job or an EPC.
 */
@Component
public class CaptureMetrics {
  private final Counter stored;
  private final Counter known;
  private final Counter refused;
  private final Counter succeeded;
  private final Counter refusedJobs;
  private final Counter failed;
  private final Timer processing;

  public CaptureMetrics(MeterRegistry registry) {
    this.stored = events(registry, "stored");
    this.known = events(registry, "known");
    this.refused = events(registry, "refused");
    this.succeeded = jobs(registry, "succeeded");
    this.refusedJobs = jobs(registry, "refused");
    this.failed = jobs(registry, "failed");
    this.processing =
        Timer.builder("kimberlite.capture.processing")
            .description("Time the capture worker spends on a group of jobs")
            .register(registry);
  }

  private static Counter events(MeterRegistry registry, String outcome) {
    return Counter.builder("kimberlite.capture.events")
        .description("EPCIS events of processed capture jobs, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  private static Counter jobs(MeterRegistry registry, String outcome) {
    return Counter.builder("kimberlite.capture.jobs")
        .description("Capture jobs processed, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  /**
   * A job processed, and its events, counted when the current transaction commits ({@code
   * refusedEvents} is 0 for a document refused as a whole: its events were never read).
   */
  public void finished(boolean success, int storedEvents, int knownEvents, int refusedEvents) {
    onCommit(
        () -> {
          stored.increment(storedEvents);
          known.increment(knownEvents);
          refused.increment(refusedEvents);
          (success ? succeeded : refusedJobs).increment();
        });
  }

  /** A job that failed unexpectedly. */
  public void failed() {
    onCommit(failed::increment);
  }

  /** Runs the processing of a group, timed (failed attempts included). */
  public void timed(Runnable group) {
    processing.record(group);
  }

  private static void onCommit(Runnable count) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      count.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            count.run();
          }
        });
  }
}

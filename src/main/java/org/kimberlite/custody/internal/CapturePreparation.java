package org.kimberlite.custody.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.CaptureError;
import org.kimberlite.custody.EventHashId;
import org.kimberlite.custody.ParsedEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;

/**
 * The part of a capture job that depends on its document alone: reading it, validating it against
 * the EPCIS 2.0 schema (CUS-01), and reading each valid event (hash ID, indexed fields). It is the
 * same work whenever and wherever it runs, so once the job's transaction commits it starts on a
 * small pool of its own while the capture worker is still busy with earlier jobs (their checks and
 * writes wait on the database); the worker takes the result when it reaches the job, or does the
 * work itself when nothing was prepared (a job resumed after a restart, a job run again alone, more
 * than {@link #MAX_AHEAD} jobs waiting). Nothing here reads or writes the database: the checks
 * against the stored state and every write stay on the worker, in order.
 */
@Component
public class CapturePreparation implements AutoCloseable {
  /** Most jobs prepared ahead of the worker and not yet taken (bounds the memory they hold). */
  public static final int MAX_AHEAD = 64;

  /**
   * A job's document, read.
   *
   * @param document the document, or {@code null} when it breaks the schema outside any event
   * @param errors the schema's and the reader's errors, by event
   * @param refused the indexes of the events those errors refuse
   * @param events every event of the document, in order
   * @param parsed the events that read, in order
   */
  public record Prepared(
      JsonNode document,
      boolean documentFault,
      List<CaptureError> errors,
      Set<Integer> refused,
      List<JsonNode> events,
      List<ParsedEvent> parsed) {
    public Prepared {
      errors = List.copyOf(errors);
      refused = Set.copyOf(refused);
      events = List.copyOf(events);
      parsed = List.copyOf(parsed);
    }
  }

  private final Map<UUID, CompletableFuture<Prepared>> ahead = new ConcurrentHashMap<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 4),
          r -> {
            Thread t = new Thread(r, "epcis-prepare");
            t.setDaemon(true);
            return t;
          });

  /** Reads and validates {@code body}, a document already accepted as a capture job. */
  public static Prepared prepare(String body) {
    JsonNode document;
    try {
      document = EpcisDocuments.parse(body);
    } catch (EpcisDocuments.NotADocument e) {
      throw new IllegalStateException("A queued document no longer reads", e);
    }
    List<CaptureError> errors = new ArrayList<>();
    Set<Integer> refused = new HashSet<>();
    boolean documentFault = false;
    for (EpcisSchema.Violation v : EpcisSchema.bundled().validate(document)) {
      errors.add(new CaptureError(v.eventIndex(), ValidityCheck.RULE, v.pointer(), v.message()));
      if (v.eventIndex() == null) {
        documentFault = true;
      } else {
        refused.add(v.eventIndex());
      }
    }
    if (documentFault) {
      return new Prepared(document, true, errors, refused, List.of(), List.of());
    }
    List<JsonNode> list = EpcisDocuments.events(document);
    EventHashId.DocumentContext context = EventHashId.DocumentContext.of(document);
    List<ParsedEvent> parsed = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (refused.contains(i)) {
        continue;
      }
      try {
        parsed.add(EventReader.read(i, list.get(i), context));
      } catch (EventReader.Unreadable e) {
        refused.add(i);
        errors.add(
            new CaptureError(
                i, ValidityCheck.RULE, "/epcisBody/eventList/" + i + e.pointer(), e.getMessage()));
      }
    }
    return new Prepared(document, false, errors, refused, list, parsed);
  }

  /**
   * Starts preparing {@code job} once the current transaction commits (at once if none), unless
   * {@link #MAX_AHEAD} jobs are already prepared or being prepared.
   */
  public void afterCommit(UUID job, String body) {
    Runnable start =
        () -> {
          if (waiting.incrementAndGet() > MAX_AHEAD) {
            waiting.decrementAndGet();
            return;
          }
          try {
            ahead.put(job, CompletableFuture.supplyAsync(() -> prepare(body), pool));
          } catch (RejectedExecutionException stopping) {
            waiting.decrementAndGet();
          }
        };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              start.run();
            }
          });
    } else {
      start.run();
    }
  }

  /**
   * Takes what was prepared for {@code job}, if anything (the caller then owns it; a second call
   * answers {@code null}).
   */
  public @Nullable CompletableFuture<Prepared> claim(UUID job) {
    CompletableFuture<Prepared> f = ahead.remove(job);
    if (f != null) {
      waiting.decrementAndGet();
    }
    return f;
  }

  /**
   * The prepared document: {@code claimed} once it is done, or {@code body} prepared now when
   * nothing was claimed or the preparation failed (so a failure surfaces where it always did).
   */
  public static Prepared result(@Nullable CompletableFuture<Prepared> claimed, String body) {
    if (claimed != null) {
      try {
        return claimed.join();
      } catch (RuntimeException failed) {
        // Prepared again below, on the worker, where the failure is handled.
      }
    }
    return prepare(body);
  }

  @Override
  public void close() {
    pool.shutdownNow();
    ahead.clear();
  }
}

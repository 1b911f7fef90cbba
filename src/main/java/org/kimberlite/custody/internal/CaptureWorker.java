package org.kimberlite.custody.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The thread that processes capture jobs in the order they were accepted, off the request threads.
 * A job is handed over once the transaction that created it has committed. Jobs that wait while the
 * worker is busy are taken together, in order, as one group (at most {@link #MAX_GROUP_JOBS} jobs
 * and, beyond the first, {@link #MAX_GROUP_EVENTS} events), so that their writes can share a
 * commit.
 *
 * <p>On shutdown the worker stops after the web server (no request hands it more) and before the
 * due-diligence workers and the database pool (what it publishes still has somewhere to go): the
 * group in hand finishes, and jobs handed over later stay running in the database, resumed at the
 * next start.
 */
@Component
public class CaptureWorker implements SmartLifecycle {
  /** Stops after the web server (phases below it stop later) and before the listeners' pool. */
  public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

  private static final Logger log = LoggerFactory.getLogger(CaptureWorker.class);

  /** Most jobs in one group. */
  public static final int MAX_GROUP_JOBS = 32;

  /** Most events in one group, unless its first job alone has more. */
  public static final int MAX_GROUP_EVENTS = 2_000;

  private record Queued(UUID job, int events) {}

  private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "epcis-capture");
            t.setDaemon(true);
            return t;
          });

  /**
   * Queues {@code job} (of {@code events} events) once the current transaction commits (at once if
   * none); the worker then hands it, with the jobs queued behind it, to {@code process}.
   */
  public void afterCommit(UUID job, int events, Consumer<List<UUID>> process) {
    Runnable hand =
        () -> {
          queue.add(new Queued(job, events));
          try {
            executor.execute(() -> next(process));
          } catch (RejectedExecutionException stopping) {
            log.debug("Capture job {} is resumed at the next start: the worker has stopped", job);
          }
        };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              hand.run();
            }
          });
    } else {
      hand.run();
    }
  }

  /** The jobs waiting, oldest first, within the group's bounds; none when they were taken. */
  private void next(Consumer<List<UUID>> process) {
    List<UUID> group = new ArrayList<>();
    int events = 0;
    while (group.size() < MAX_GROUP_JOBS) {
      Queued q = queue.peek();
      if (q == null || (!group.isEmpty() && events + q.events() > MAX_GROUP_EVENTS)) {
        break;
      }
      queue.poll();
      group.add(q.job());
      events += q.events();
    }
    if (!group.isEmpty()) {
      process.accept(List.copyOf(group));
    }
  }

  /**
   * Waits until every job handed over before this call has run, or {@code timeout} has passed (for
   * the command line's demo, which captures through the same worker as the API).
   *
   * @return whether the jobs ran in time
   */
  public boolean drain(Duration timeout) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    executor.execute(done::countDown);
    return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void start() {
    // The executor runs from construction: jobs resumed at start are handed over before this.
  }

  @Override
  public boolean isRunning() {
    return !executor.isShutdown();
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  /** Lets the group in hand finish (up to 30 s); queued jobs stay running for the next start. */
  @Override
  public void stop() {
    queue.clear();
    executor.shutdown();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}

package org.kimberlite.custody.internal;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The thread that processes capture jobs in the order they were accepted, off the request threads.
 * A job is handed over once the transaction that created it has committed. Jobs that wait while the
 * worker is busy are taken together, in order, as one group (at most {@link #MAX_GROUP_JOBS} jobs
 * and, beyond the first, {@link #MAX_GROUP_EVENTS} events), so that their writes can share a
 * commit.
 */
@Component
public class CaptureWorker {
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
          executor.execute(() -> next(process));
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

  @PreDestroy
  void stop() throws InterruptedException {
    executor.shutdown();
    if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
      executor.shutdownNow();
    }
  }
}

package org.kimberlite.custody.internal;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The thread that processes capture jobs, one at a time in the order they were accepted, off the
 * request threads. A job is handed over once the transaction that created it has committed.
 */
@Component
public class CaptureWorker {
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "epcis-capture");
            t.setDaemon(true);
            return t;
          });

  /** Runs {@code job} on the worker after the current transaction commits (at once if none). */
  public void afterCommit(Runnable job) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              executor.execute(job);
            }
          });
    } else {
      executor.execute(job);
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

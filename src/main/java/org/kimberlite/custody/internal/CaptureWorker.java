package org.kimberlite.custody.internal;

import jakarta.annotation.PreDestroy;
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

  @PreDestroy
  void stop() throws InterruptedException {
    executor.shutdown();
    if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
      executor.shutdownNow();
    }
  }
}

package org.kimberlite.certification.internal;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues this process's issues of one country's next number in memory before they ask the database
 * for the range's row lock ({@code select ... for update} in {@link
 * CertificateRepository#nextNumber}). The row lock alone decides who takes the next number, here
 * and in any other server process; this queue only spares the waiters: on H2 every transaction
 * waiting for a row lock retries it each time the holder commits, and with 8 concurrent issues of
 * one authority those retries took most of the processor (the profile in docs/BENCHMARKS.md).
 *
 * <p>The queue is held until the transaction completes, as the row lock is. A waiter that has not
 * got it after its patience ({@link #PATIENCE}) asks the database anyway, so the queue can delay
 * but never block an issue (for instance behind a transaction that holds a row this one needs
 * first).
 */
@Component
public class NumberLocks {
  static final Duration PATIENCE = Duration.ofSeconds(5);

  private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final Duration patience;

  public NumberLocks() {
    this(PATIENCE);
  }

  NumberLocks(Duration patience) {
    this.patience = patience;
  }

  /**
   * Waits for this process's turn at {@code prefix}'s numbers and keeps it until the current
   * transaction completes; without a transaction, does nothing.
   */
  public void awaitTurn(String prefix) throws InterruptedException {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    ReentrantLock lock = locks.computeIfAbsent(prefix, p -> new ReentrantLock(true));
    if (!lock.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) {
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            lock.unlock();
          }
        });
  }

  /** Whether this thread holds {@code prefix}'s turn (for tests). */
  boolean holds(String prefix) {
    ReentrantLock lock = locks.get(prefix);
    return lock != null && lock.isHeldByCurrentThread();
  }
}

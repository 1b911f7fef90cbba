package org.kimberlite.certification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class NumberLocksTest {
  private final NumberLocks locks = new NumberLocks(java.time.Duration.ofMinutes(5));
  private final java.util.concurrent.ExecutorService threads =
      java.util.concurrent.Executors.newFixedThreadPool(2);

  @AfterEach
  void noTransactionLeft() {
    threads.shutdownNow();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.clearSynchronization();
    }
  }

  @Test
  void withoutATransactionNothingIsHeld() throws Exception {
    locks.awaitTurn("BW");
    assertThat(locks.holds("BW")).isFalse();
  }

  /**
   * Asks {@code locks} for {@code prefix}'s turn on another thread inside a transaction of its own,
   * which completes at once; the answer: whether that thread held the turn (or at least waits to
   * release one).
   */
  private CompletableFuture<Boolean> askOnAnotherThread(
      NumberLocks locks, String prefix, CountDownLatch asked) {
    return CompletableFuture.supplyAsync(
        () -> {
          TransactionSynchronizationManager.initSynchronization();
          try {
            asked.countDown();
            locks.awaitTurn(prefix);
            return locks.holds(prefix)
                || !TransactionSynchronizationManager.getSynchronizations().isEmpty();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          } finally {
            TransactionSynchronizationManager.getSynchronizations()
                .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
            TransactionSynchronizationManager.clearSynchronization();
          }
        },
        threads);
  }

  @Test
  void theTurnIsHeldUntilTheTransactionCompletesAndAnotherIssueOfTheSameCountryWaits()
      throws Exception {
    TransactionSynchronizationManager.initSynchronization();
    locks.awaitTurn("BW");
    assertThat(locks.holds("BW")).isTrue();
    CountDownLatch asked = new CountDownLatch(1);
    CompletableFuture<Boolean> other = askOnAnotherThread(locks, "BW", asked);
    assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
    // Another country is not queued behind BW.
    assertThat(askOnAnotherThread(locks, "ZA", new CountDownLatch(1)).get(1, TimeUnit.MINUTES))
        .isTrue();
    assertThat(other).isNotDone();

    TransactionSynchronizationManager.getSynchronizations()
        .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
    assertThat(locks.holds("BW")).isFalse();
    assertThat(other.get(1, TimeUnit.MINUTES)).isTrue();
  }

  @Test
  void aWaiterOutOfPatienceGoesOnWithoutTheTurnAndLeavesTheDatabaseToDecide() throws Exception {
    NumberLocks impatient = new NumberLocks(java.time.Duration.ofMillis(20));
    TransactionSynchronizationManager.initSynchronization();
    impatient.awaitTurn("BW");
    assertThat(askOnAnotherThread(impatient, "BW", new CountDownLatch(1)).get(1, TimeUnit.MINUTES))
        .isFalse();
    assertThat(impatient.holds("BW")).isTrue();
  }
}

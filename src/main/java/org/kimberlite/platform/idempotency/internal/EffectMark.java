package org.kimberlite.platform.idempotency.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.problem.Problem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ties an idempotency key to the action's own transaction: while a request with a key runs, every
 * read-write transaction the request thread begins marks the key EFFECTED just before it commits,
 * in that same transaction. So after a crash the key says truthfully whether the action took
 * effect: IN_FLIGHT means it did not (a retry may run it), EFFECTED means it did (a retry is told
 * the outcome is unknown, never run twice). When another attempt has taken the key over meanwhile,
 * the mark fails and the late transaction rolls back.
 *
 * <p>Spring Boot adds every {@link TransactionExecutionListener} bean to the transaction manager it
 * configures.
 */
@Component
class EffectMark implements TransactionExecutionListener {
  /** The key the current request thread acts under. */
  record Attempt(String scope, String key, UUID id) {}

  private static final ThreadLocal<@Nullable Attempt> CURRENT = new ThreadLocal<>();

  private final IdempotencyRepository repository;

  EffectMark(IdempotencyRepository repository) {
    this.repository = repository;
  }

  static void begin(Attempt attempt) {
    CURRENT.set(attempt);
  }

  static void end() {
    CURRENT.remove();
  }

  @Override
  public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
    Attempt attempt = CURRENT.get();
    if (attempt == null
        || beginFailure != null
        || !transaction.isNewTransaction()
        || transaction.isReadOnly()
        || !TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void beforeCommit(boolean readOnly) {
            if (repository.markEffected(attempt.scope(), attempt.key(), attempt.id()) == 0) {
              throw keyTakenOver();
            }
          }
        });
  }

  /**
   * The attempt lost its key to a retry after its lease ran out: its transaction rolls back, and
   * its client is answered as any request arriving while another attempt holds the key (409, retry
   * in a moment; the retry gets the later attempt's answer). Nothing was committed, so this is not
   * a server fault (it was answered 500 before).
   */
  static Problem keyTakenOver() {
    return IdempotencyFilter.inProgress();
  }
}

package org.kimberlite.certification.internal;

import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A use case that answers with a refusal changes nothing: its transaction is rolled back (the
 * rejection log writes in its own). Quietly, unlike an exception, so the outcome is returned.
 */
public final class Rollback {
  private Rollback() {}

  /** Marks the current transaction, if any, to roll back; returns {@code outcome}. */
  public static <T> T with(T outcome) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
    }
    return outcome;
  }
}

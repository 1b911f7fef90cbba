package org.kimberlite.ledger.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Wakes the integrator when a transaction that recorded entries has committed. */
@Component
public class IntegrationSignal {
  private final Object monitor = new Object();
  private boolean raised;
  private final Set<Runnable> integrated = ConcurrentHashMap.newKeySet();

  /** Runs {@code listener} after each round that integrated entries, until removed. */
  public void onIntegrated(Runnable listener) {
    integrated.add(listener);
  }

  public void removeOnIntegrated(Runnable listener) {
    integrated.remove(listener);
  }

  /** Tells the listeners that entries were integrated (called by the integrator). */
  void integrated() {
    integrated.forEach(Runnable::run);
  }

  public void raise() {
    synchronized (monitor) {
      raised = true;
      monitor.notifyAll();
    }
  }

  /** Waits until raised or {@code millis} pass; clears the signal. */
  void await(long millis) throws InterruptedException {
    synchronized (monitor) {
      if (!raised) {
        monitor.wait(Math.max(1, millis));
      }
      raised = false;
    }
  }
}

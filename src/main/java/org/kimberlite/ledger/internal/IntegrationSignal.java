package org.kimberlite.ledger.internal;

import org.springframework.stereotype.Component;

/** Wakes the integrator when a transaction that recorded entries has committed. */
@Component
public class IntegrationSignal {
  private final Object monitor = new Object();
  private boolean raised;

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

package org.kimberlite.federation.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The exchange's metrics: deliveries sent and failed, deliveries received and refused, and the
 * outbox's undelivered and failing entries (as of the sender's last round).
 */
@Component
public class ExchangeMetrics {
  private final Counter delivered;
  private final Counter failed;
  private final Counter received;
  private final Counter refused;
  private final AtomicLong waiting = new AtomicLong();
  private final AtomicLong failing = new AtomicLong();

  public ExchangeMetrics(MeterRegistry registry) {
    delivered =
        Counter.builder("kimberlite.federation.deliveries.sent")
            .description("Deliveries another node accepted")
            .register(registry);
    failed =
        Counter.builder("kimberlite.federation.deliveries.failed")
            .description("Delivery attempts that failed (retried with backoff)")
            .register(registry);
    received =
        Counter.builder("kimberlite.federation.deliveries.received")
            .description("Deliveries from other nodes accepted")
            .register(registry);
    refused =
        Counter.builder("kimberlite.federation.deliveries.refused")
            .description("Deliveries from other nodes refused")
            .register(registry);
    Gauge.builder("kimberlite.federation.outbox.waiting", waiting, AtomicLong::get)
        .description("Deliveries not yet accepted by their node")
        .register(registry);
    Gauge.builder("kimberlite.federation.outbox.failing", failing, AtomicLong::get)
        .description("Undelivered deliveries whose last attempt failed")
        .register(registry);
  }

  public void delivered() {
    delivered.increment();
  }

  public void failed() {
    failed.increment();
  }

  public void received() {
    received.increment();
  }

  public void refused() {
    refused.increment();
  }

  public void outbox(long undelivered, long failingNow) {
    waiting.set(undelivered);
    failing.set(failingNow);
  }
}

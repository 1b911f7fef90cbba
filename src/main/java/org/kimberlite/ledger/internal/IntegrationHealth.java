package org.kimberlite.ledger.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.kimberlite.ledger.LedgerProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Whether the log keeps up, for readiness and for metrics. Readiness part {@code ledger}: DOWN when
 * this process should integrate and its integrator is not running, or when the oldest entry still
 * waiting for its index is older than {@code kimberlite.ledger.max-lag} (whichever process
 * integrates, it is stuck or too slow). Gauges: {@code kimberlite.log.size} (entries in the signed
 * tree), {@code kimberlite.log.pending} (entries waiting) and {@code kimberlite.log.lag} (seconds
 * the oldest has waited, 0 when none waits). Counts only: nothing about any record. The gauges read
 * figures taken every few seconds by a background task, never the database at scrape time: a scrape
 * must answer at once even when every connection of the pool is busy (a scrape that waited for
 * connections took over 15 s under load).
 */
@Component("ledger")
class IntegrationHealth implements HealthIndicator, MeterBinder {
  private final LedgerRepository repository;
  private final Integrator integrator;
  private final LedgerProperties ledger;
  private final Settings settings;
  private final Clock clock;
  private volatile Figures figures = new Figures(0, 0, null);

  /** The log's figures as last read; {@code oldestPending} null when none waits. */
  private record Figures(long size, long pending, @Nullable Instant oldestPending) {}

  /**
   * @param maxLag how long an entry may wait for its index before readiness turns DOWN
   */
  @ConfigurationProperties("kimberlite.ledger")
  record Settings(@DefaultValue("1m") Duration maxLag) {}

  IntegrationHealth(
      LedgerRepository repository,
      Integrator integrator,
      LedgerProperties ledger,
      Settings settings,
      Clock clock) {
    this.repository = repository;
    this.integrator = integrator;
    this.ledger = ledger;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Health health() {
    LedgerRepository.Waiting waiting = repository.waiting();
    return health(
        repository.state().size(),
        waiting.count(),
        lag(waiting),
        ledger.integrate(),
        integrator.isRunning(),
        settings.maxLag());
  }

  /**
   * DOWN when this process should integrate and does not, or when the oldest waiting entry has
   * waited longer than {@code maxLag}; UP otherwise.
   */
  static Health health(
      long treeSize,
      long pending,
      Duration lag,
      boolean shouldIntegrate,
      boolean integratorRunning,
      Duration maxLag) {
    boolean integratorDown = shouldIntegrate && !integratorRunning;
    boolean lagging = lag.compareTo(maxLag) > 0;
    Health.Builder b = integratorDown || lagging ? Health.down() : Health.up();
    return b.withDetail("treeSize", treeSize)
        .withDetail("pending", pending)
        .withDetail("lagSeconds", lag.toSeconds())
        .withDetail("maxLagSeconds", maxLag.toSeconds())
        .withDetail("integratorRunning", integratorRunning)
        .build();
  }

  /** How long the oldest waiting entry has waited; zero when none waits. */
  private Duration lag(LedgerRepository.Waiting waiting) {
    if (waiting.oldest() == null) {
      return Duration.ZERO;
    }
    Duration d = Duration.between(waiting.oldest(), clock.instant());
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** Reads the figures the gauges show; when the database cannot answer, the last ones stay. */
  @Scheduled(fixedDelay = 5000, initialDelay = 0)
  void refresh() {
    try {
      LedgerRepository.Waiting waiting = repository.waiting();
      figures = new Figures(repository.state().size(), waiting.count(), waiting.oldest());
    } catch (DataAccessException | TransactionException e) {
      // the database is away: the gauges keep the last figures until it is back
    }
  }

  /** Seconds the oldest waiting entry had waited when last read, now. */
  double lagSeconds() {
    Instant oldest = figures.oldestPending();
    if (oldest == null) {
      return 0;
    }
    Duration d = Duration.between(oldest, clock.instant());
    return d.isNegative() ? 0 : d.toMillis() / 1000.0;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("kimberlite.log.size", this, h -> h.figures.size())
        .description("Entries in the log's signed tree")
        .baseUnit("entries")
        .register(registry);
    Gauge.builder("kimberlite.log.pending", this, h -> h.figures.pending())
        .description("Entries committed and waiting for the integrator")
        .baseUnit("entries")
        .register(registry);
    Gauge.builder("kimberlite.log.lag", this, IntegrationHealth::lagSeconds)
        .description("How long the oldest waiting entry has waited")
        .baseUnit("seconds")
        .register(registry);
  }
}

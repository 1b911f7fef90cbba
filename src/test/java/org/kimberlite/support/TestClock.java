package org.kimberlite.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A UTC clock that tests move forward (time passes: certificates expire, throttles end) and back.
 * {@code new TestClock()} runs with the system's time plus the offset (import {@link Config} to
 * make it the application's clock); {@link #fixed} stands still at an instant until moved, for unit
 * tests. Thread-safe.
 */
public final class TestClock extends Clock {
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
  private final @org.jspecify.annotations.Nullable Instant fixedAt;

  public TestClock() {
    this(null);
  }

  private TestClock(@org.jspecify.annotations.Nullable Instant fixedAt) {
    this.fixedAt = fixedAt;
  }

  /** A clock that stays at {@code at} until a test moves it. */
  public static TestClock fixed(Instant at) {
    return new TestClock(at);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    return (fixedAt == null ? Clock.systemUTC().instant() : fixedAt).plus(offset.get());
  }

  /** Moves time forward by {@code by}. */
  public void advance(Duration by) {
    offset.accumulateAndGet(by, Duration::plus);
  }

  /** Back to where it started: the system's time, or the fixed instant. */
  public void reset() {
    offset.set(Duration.ZERO);
  }

  /** The test clock as the application's clock. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Config {
    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock();
    }
  }
}

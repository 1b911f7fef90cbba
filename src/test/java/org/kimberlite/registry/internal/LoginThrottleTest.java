package org.kimberlite.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kimberlite.support.TestClock;

/** The sign-in throttle at its boundaries, on a clock moved by hand. */
class LoginThrottleTest {
  final TestClock clock = TestClock.fixed(Instant.parse("2026-03-01T10:00:00Z"));
  final LoginThrottle throttle =
      new LoginThrottle(
          clock,
          new LoginThrottleProperties(
              5, 20, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(5), 100));

  void fail(String account, String address, int times) {
    for (int i = 0; i < times; i++) {
      assertThat(throttle.wait(account, address)).as("attempt %d", i + 1).isEmpty();
      throttle.failed(account, address);
    }
  }

  @Test
  void fiveFailuresAreAllowedAndTheSixthAttemptWaits() {
    fail("alice", "10.0.0.1", 4);
    assertThat(throttle.wait("alice", "10.0.0.1")).isEmpty();
    throttle.failed("alice", "10.0.0.1");
    assertThat(throttle.wait("alice", "10.0.0.1")).contains(Duration.ofSeconds(30));
    // The account waits from any address; another account from the same address does not.
    assertThat(throttle.wait("alice", "10.0.0.2")).contains(Duration.ofSeconds(30));
    assertThat(throttle.wait("bob", "10.0.0.1")).isEmpty();
  }

  @Test
  void theWaitEndsAndDoublesWithEachFurtherFailureUpToTheCap() {
    fail("alice", "a", 5);
    clock.advance(Duration.ofSeconds(29));
    assertThat(throttle.wait("alice", "a")).contains(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.wait("alice", "a")).isEmpty();
    Duration[] expected = {
      Duration.ofSeconds(60),
      Duration.ofSeconds(120),
      Duration.ofSeconds(240),
      Duration.ofMinutes(5),
      Duration.ofMinutes(5)
    };
    for (Duration wait : expected) {
      throttle.failed("alice", "a");
      assertThat(throttle.wait("alice", "a")).contains(wait);
      clock.advance(wait);
      assertThat(throttle.wait("alice", "a")).isEmpty();
    }
  }

  @Test
  void failuresAreForgottenAWindowAfterTheLastOne() {
    fail("alice", "a", 4);
    clock.advance(Duration.ofMinutes(15).minusSeconds(1));
    throttle.failed("alice", "a");
    assertThat(throttle.wait("alice", "a")).isPresent();
    clock.advance(Duration.ofMinutes(15));
    assertThat(throttle.wait("alice", "a")).isEmpty();
    // A new count starts: four more failures are allowed before the fifth locks.
    fail("alice", "a", 4);
    assertThat(throttle.wait("alice", "a")).isEmpty();
  }

  @Test
  void aSuccessClearsTheAccountButNotTheAddress() {
    fail("alice", "a", 5);
    assertThat(throttle.wait("alice", "b")).isPresent();
    throttle.succeeded("ALICE ");
    assertThat(throttle.wait("alice", "b")).isEmpty();
    for (int i = 0; i < 15; i++) {
      throttle.failed("user" + i, "a");
    }
    assertThat(throttle.wait("carol", "a")).contains(Duration.ofSeconds(30));
    throttle.succeeded("carol");
    assertThat(throttle.wait("carol", "a")).isPresent();
    assertThat(throttle.wait("carol", "b")).isEmpty();
  }

  @Test
  void accountNamesAreComparedAsSignInComparesThem() {
    fail("Alice", "a", 3);
    fail(" alice ", "b", 2);
    assertThat(throttle.wait("ALICE", "c")).isPresent();
  }

  @Test
  void memoryIsBoundedByForgettingTheLeastRecentlyTouched() {
    for (int i = 0; i < 1000; i++) {
      throttle.failed("user" + i + "x".repeat(10_000), "address" + i);
    }
    assertThat(throttle.tracked()).isEqualTo(200);
    assertThat(throttle.wait("user999" + "x".repeat(10_000), "z")).isEmpty();
    fail("newest", "n", 5);
    assertThat(throttle.wait("newest", "m")).isPresent();
  }

  @Test
  void concurrentFailuresAreAllCounted() throws InterruptedException {
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 400; i++) {
        pool.execute(() -> throttle.failed("shared", "x"));
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    // 400 failures: far past the cap.
    Optional<Duration> wait = throttle.wait("shared", "y");
    assertThat(wait).contains(Duration.ofMinutes(5));
  }
}

package org.kimberlite.registry.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: counts failed sign-ins per account and per client address. Once an
 * account has used up its allowance of failures (or an address its larger one), every further
 * attempt must wait; the wait starts at {@code firstWait} and doubles with each further failure up
 * to {@code longestWait}, so the real user is never locked out for long. Failures are forgotten a
 * window after the last one; a success clears the account's count (not the address's, so one good
 * account does not reset guessing at others). In memory only, at most {@code maxTracked} accounts
 * and addresses (the least recently touched are forgotten first), thread-safe; time from the
 * injected clock.
 */
@Component
public class LoginThrottle {
  /** Longest account or address key kept; longer ones are cut so memory stays bounded. */
  static final int MAX_KEY = 128;

  private final Clock clock;
  private final LoginThrottleProperties settings;
  private final Map<String, Failures> accounts;
  private final Map<String, Failures> addresses;
  private final Runnable countFailure;

  public LoginThrottle(Clock clock, LoginThrottleProperties settings) {
    this(clock, settings, () -> {});
  }

  /**
   * Also counts failed sign-ins in {@code kimberlite.login.failures} (no labels: never an account
   * or an address).
   */
  @org.springframework.beans.factory.annotation.Autowired
  public LoginThrottle(
      Clock clock,
      LoginThrottleProperties settings,
      io.micrometer.core.instrument.MeterRegistry registry) {
    this(
        clock,
        settings,
        io.micrometer.core.instrument.Counter.builder("kimberlite.login.failures")
                .description(
                    "Failed sign-ins (form and API token), wrong password or unknown account")
                .register(registry)
            ::increment);
  }

  private LoginThrottle(Clock clock, LoginThrottleProperties settings, Runnable countFailure) {
    this.countFailure = countFailure;
    this.clock = clock;
    this.settings = settings;
    this.accounts = bounded(settings.maxTracked());
    this.addresses = bounded(settings.maxTracked());
  }

  /** How long a sign-in for this account from this address must still wait, if at all. */
  public synchronized Optional<Duration> wait(String account, String address) {
    Instant now = clock.instant();
    Duration a = waitOf(accounts, accountKey(account), settings.accountFailures(), now);
    Duration b = waitOf(addresses, addressKey(address), settings.addressFailures(), now);
    Duration longer = a.compareTo(b) >= 0 ? a : b;
    return longer.isZero() ? Optional.empty() : Optional.of(longer);
  }

  /** Records a failed sign-in (wrong password or unknown account). */
  public synchronized void failed(String account, String address) {
    countFailure.run();
    Instant now = clock.instant();
    record(accounts, accountKey(account), now);
    record(addresses, addressKey(address), now);
  }

  /** Records a successful sign-in: the account's failures are forgotten. */
  public synchronized void succeeded(String account) {
    accounts.remove(accountKey(account));
  }

  /** Accounts and addresses remembered now (for tests of the bound). */
  synchronized int tracked() {
    return accounts.size() + addresses.size();
  }

  private Duration waitOf(Map<String, Failures> map, String key, int allowed, Instant now) {
    Failures f = map.get(key);
    if (f == null) {
      return Duration.ZERO;
    }
    if (expired(f, now)) {
      map.remove(key);
      return Duration.ZERO;
    }
    if (f.count < allowed) {
      return Duration.ZERO;
    }
    Instant until = f.last.plus(backoff(f.count - allowed));
    return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
  }

  /** The wait after {@code excess} failures beyond the allowance (0 for the first beyond it). */
  Duration backoff(int excess) {
    Duration wait = settings.firstWait();
    for (int i = 0; i < excess && wait.compareTo(settings.longestWait()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(settings.longestWait()) > 0 ? settings.longestWait() : wait;
  }

  private void record(Map<String, Failures> map, String key, Instant now) {
    Failures f = map.get(key);
    if (f == null || expired(f, now)) {
      map.put(key, new Failures(1, now));
    } else {
      f.count = f.count == Integer.MAX_VALUE ? f.count : f.count + 1;
      f.last = now;
    }
  }

  private boolean expired(Failures f, Instant now) {
    return !now.isBefore(f.last.plus(settings.window()));
  }

  static String accountKey(String username) {
    String key = username.strip().toLowerCase(Locale.ROOT);
    return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
  }

  private static String addressKey(String address) {
    return address.length() > MAX_KEY ? address.substring(0, MAX_KEY) : address;
  }

  private static Map<String, Failures> bounded(int max) {
    return new LinkedHashMap<>(64, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
        return size() > max;
      }
    };
  }

  private static final class Failures {
    int count;
    Instant last;

    Failures(int count, Instant last) {
      this.count = count;
      this.last = last;
    }
  }
}

package org.kimberlite.registry.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling.
 *
 * @param accountFailures failed sign-ins allowed for one account within the window
 * @param addressFailures failed sign-ins allowed from one client address within the window
 * @param window how long a failure is remembered after the last one
 * @param firstWait the wait after the allowance is used up; it doubles with each further failure
 * @param longestWait the cap on the wait, so the real user is never locked out for long
 * @param maxTracked most accounts (and, separately, addresses) remembered; the oldest go first
 */
@ConfigurationProperties("kimberlite.login")
public record LoginThrottleProperties(
    @DefaultValue("5") int accountFailures,
    @DefaultValue("20") int addressFailures,
    @DefaultValue("15m") Duration window,
    @DefaultValue("30s") Duration firstWait,
    @DefaultValue("5m") Duration longestWait,
    @DefaultValue("10000") int maxTracked) {}

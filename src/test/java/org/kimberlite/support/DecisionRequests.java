package org.kimberlite.support;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bodies for {@code POST /api/v1/governance/decisions}, the only way a participant's status or
 * compliant zones change: one status change or zone per decision unless told otherwise.
 */
public final class DecisionRequests {
  private static final AtomicInteger NUMBERS = new AtomicInteger();

  private DecisionRequests() {}

  /** A fresh decision number for tests. */
  public static String number() {
    return "TEST " + System.nanoTime() % 1_000_000 + "-" + NUMBERS.incrementAndGet();
  }

  /** A status order: {@code change} of {@code participant}. */
  public static Map<String, Object> status(String participant, String change) {
    return Map.of("participant", participant, "change", change);
  }

  /** A zone declaration for {@code participant}. */
  public static Map<String, Object> zone(String participant, String zone) {
    return Map.of("participant", participant, "zone", zone);
  }

  /** A decision adopted today (UTC), effective on {@code effectiveOn}, giving {@code orders}. */
  public static Map<String, Object> decision(
      LocalDate effectiveOn, List<Map<String, Object>> orders) {
    return decision(LocalDate.now(ZoneOffset.UTC), effectiveOn, orders);
  }

  /** A decision adopted on {@code adoptedOn}, effective on {@code effectiveOn}. */
  public static Map<String, Object> decision(
      LocalDate adoptedOn, LocalDate effectiveOn, List<Map<String, Object>> orders) {
    Map<String, Object> d = new HashMap<>();
    d.put("number", number());
    d.put("title", "Test decision");
    d.put("body", "PLENARY");
    d.put("adoptedOn", adoptedOn.toString());
    d.put("effectiveOn", effectiveOn.toString());
    d.put("text", "Recorded by a test.");
    d.put("orders", orders);
    return d;
  }

  /** A decision ordering one status change, adopted today and effective on {@code effectiveOn}. */
  public static Map<String, Object> statusChange(
      String participant, String change, LocalDate effectiveOn) {
    return decision(effectiveOn, List.of(status(participant, change)));
  }
}

package org.kimberlite.federation.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kimberlite.federation.SplitViewKind;
import org.springframework.stereotype.Component;

/**
 * The federation's counters: {@code kimberlite.federation.split-views} by {@code kind} (evidence
 * kept: alarm on any increase), {@code kimberlite.federation.add-checkpoint} by {@code outcome}
 * ({@code cosigned}, {@code malformed}, {@code bad-signature}, {@code unknown-origin}, {@code
 * size-mismatch}, {@code inconsistent}), {@code kimberlite.federation.submissions} by {@code
 * outcome} ({@code cosigned}, {@code failed}: this log's checkpoint sent to a peer's witness).
 * Labels carry kinds and outcomes only, never an origin.
 */
@Component
public class FederationMetrics {
  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public FederationMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (SplitViewKind kind : SplitViewKind.values()) {
      counter("kimberlite.federation.split-views", "kind", kind.name());
    }
    counter("kimberlite.federation.submissions", "outcome", "cosigned");
    counter("kimberlite.federation.submissions", "outcome", "failed");
  }

  private Counter counter(String name, String tag, String value) {
    return counters.computeIfAbsent(
        name + "|" + value,
        k ->
            Counter.builder(name)
                .description(description(name))
                .tag(tag, value)
                .register(registry));
  }

  private static String description(String name) {
    return switch (name) {
      case "kimberlite.federation.split-views" -> "Split views of peer logs detected and kept";
      case "kimberlite.federation.add-checkpoint" -> "add-checkpoint requests, by answer";
      default -> "Checkpoints of this log submitted to peer witnesses, by outcome";
    };
  }

  public void splitView(SplitViewKind kind) {
    counter("kimberlite.federation.split-views", "kind", kind.name()).increment();
  }

  public void answered(String outcome) {
    counter("kimberlite.federation.add-checkpoint", "outcome", outcome).increment();
  }

  public void submitted(boolean cosigned) {
    counter("kimberlite.federation.submissions", "outcome", cosigned ? "cosigned" : "failed")
        .increment();
  }
}

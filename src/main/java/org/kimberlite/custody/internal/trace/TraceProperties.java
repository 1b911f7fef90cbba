package org.kimberlite.custody.internal.trace;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of the provenance trace. A request may ask for fewer nodes or less depth, never more.
 *
 * @param maxNodes most goods in one trace
 * @param maxEvents most events one trace reads
 * @param maxDepth most edges between the goods asked about and any goods reached
 */
@ConfigurationProperties("kimberlite.custody.trace")
public record TraceProperties(
    @DefaultValue("200") int maxNodes,
    @DefaultValue("500") int maxEvents,
    @DefaultValue("64") int maxDepth) {
  public TraceProperties {
    if (maxNodes < 1 || maxNodes > 10_000 || maxEvents < 1 || maxEvents > 10_000) {
      throw new IllegalArgumentException("trace limits are from 1 to 10000");
    }
    if (maxDepth < 1 || maxDepth > 1_000) {
      throw new IllegalArgumentException("trace depth is from 1 to 1000");
    }
  }
}

package org.kimberlite.shared.keys;

import java.util.Map;

/**
 * Secrets some module keeps sealed under the master key (the registry's signing keys, the log's
 * key). {@link MasterKeyRotation} asks each to re-seal under the sealing key and to count what is
 * sealed under which key.
 */
public interface SealedSecrets {
  /** What they are, for messages: "signing keys", "log key". */
  String name();

  /**
   * Re-seals under {@code master}'s sealing key at most {@code max} secrets that are sealed under
   * another key of {@code master}; returns how many it re-sealed (0 when none is left).
   */
  int resealBatch(MasterKey master, int max);

  /**
   * How many secrets are sealed under each master key, by {@link MasterKey#hex} id; {@value
   * #UNKNOWN} counts those no key of {@code master} opens or whose key is not recorded yet.
   */
  Map<String, Long> countBySealingKey(MasterKey master);

  /** The count key of secrets sealed under no key known. */
  String UNKNOWN = "unknown";
}

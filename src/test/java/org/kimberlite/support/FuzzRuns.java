package org.kimberlite.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the executions of each fuzz target and appends them to target/fuzz-runs.txt when the test
 * JVM ends (Jazzer's own statistics go to a native stream that surefire does not keep).
 */
public final class FuzzRuns {
  private static final Map<String, AtomicLong> RUNS = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(FuzzRuns::write));
  }

  private FuzzRuns() {}

  /** One more execution of {@code target}. */
  public static void count(String target) {
    RUNS.computeIfAbsent(target, t -> new AtomicLong()).incrementAndGet();
  }

  private static void write() {
    StringBuilder out = new StringBuilder();
    RUNS.forEach((target, n) -> out.append(target).append(' ').append(n.get()).append('\n'));
    try {
      Files.writeString(
          Path.of("target/fuzz-runs.txt"),
          out,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

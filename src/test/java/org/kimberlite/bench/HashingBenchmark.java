package org.kimberlite.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.kimberlite.ledger.Rfc6962;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** SHA-256 of log leaves (RFC 6962 leaf and node hashes) as the integrator computes them. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class HashingBenchmark {
  /** A public entry of typical size: canonical {type, id, issuer, time, digest}. */
  private final byte[] entry =
      ("{\"digest\":\"sha256:3f0c2b8a9d1e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c\","
              + "\"id\":\"ni:///sha-256;9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
              + "?ver=CBV2.0\",\"issuer\":\"6a1f0c52-7d9e-4b1a-9c3e-2f4d5e6a7b8c\",\"time\":"
              + "\"2025-03-01T07:00:00.000Z\",\"type\":\"custody.event\"}")
          .getBytes(StandardCharsets.UTF_8);

  private final byte[] left = Rfc6962.leafHash(entry);
  private final byte[] right = Rfc6962.leafHash(left);

  @Benchmark
  public byte[] leafHash() {
    return Rfc6962.leafHash(entry);
  }

  @Benchmark
  public byte[] nodeHash() {
    return Rfc6962.nodeHash(left, right);
  }
}

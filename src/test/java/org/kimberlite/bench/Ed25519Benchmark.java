package org.kimberlite.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.kimberlite.registry.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ed25519 with the library the platform signs and verifies with (Bouncy Castle, RFC 8032), and the
 * platform's strict verification on top of it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class Ed25519Benchmark {
  private final byte[] secret = new byte[32];
  private final byte[] publicKey = new byte[32];
  private final byte[] message =
      ("eyJhbGciOiJFZERTQSIsImtpZCI6ImtwLWJ3LTEiLCJ0eXAiOiJrcC1xcitqd3MifQ."
              + "eyJudW1iZXIiOiJCVy0yMDI1LTAwMDAwMSIsImNhcmF0cyI6IjEyNS40MCJ9")
          .getBytes(StandardCharsets.US_ASCII);
  private final byte[] signature = new byte[64];

  public Ed25519Benchmark() {
    new SecureRandom().nextBytes(secret);
    org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(secret, 0, publicKey, 0);
    org.bouncycastle.math.ec.rfc8032.Ed25519.sign(
        secret, 0, message, 0, message.length, signature, 0);
  }

  @Benchmark
  public byte[] sign() {
    byte[] out = new byte[64];
    org.bouncycastle.math.ec.rfc8032.Ed25519.sign(secret, 0, message, 0, message.length, out, 0);
    return out;
  }

  @Benchmark
  public boolean verifyRaw() {
    return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
        signature, 0, publicKey, 0, message, 0, message.length);
  }

  @Benchmark
  public boolean verifyPlatform() {
    return Ed25519.verify(publicKey, message, signature);
  }
}

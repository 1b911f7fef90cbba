package org.kimberlite.registry.internal;

import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * An Ed25519 private key (its 32-byte RFC 8032 seed) in clear, in memory only. It signs and tells
 * its public key; its bytes can be read only with a {@link SeedAccess}, which only the sealing code
 * holds, and are never printed. {@link #destroy()} overwrites them.
 */
public final class SealedSeed implements Destroyable {
  public static final int SIZE = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] seed;
  private boolean destroyed;

  private SealedSeed(byte[] seed) {
    this.seed = seed;
  }

  /** A new random key. */
  public static SealedSeed generate() {
    byte[] seed = new byte[SIZE];
    RANDOM.nextBytes(seed);
    return new SealedSeed(seed);
  }

  /** Wraps a copy of {@code seed}; the caller should overwrite its own array afterwards. */
  public static SealedSeed of(byte[] seed) {
    if (seed.length != SIZE) {
      throw new IllegalArgumentException("An Ed25519 seed has 32 bytes");
    }
    return new SealedSeed(seed.clone());
  }

  /** The seed's bytes (a copy), for the holder of the capability only. */
  public byte[] bytes(SeedAccess access) {
    if (access != SeedAccess.INSTANCE) {
      throw new SecurityException("Reading a seed needs the seed access capability");
    }
    requireLive();
    return seed.clone();
  }

  /** The 32-byte Ed25519 public key. */
  public byte[] publicKey() {
    requireLive();
    byte[] publicKey = new byte[32];
    org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0, publicKey, 0);
    return publicKey;
  }

  /** The 64-byte Ed25519 (pure, RFC 8032) signature of {@code message}. */
  public byte[] sign(byte[] message) {
    requireLive();
    byte[] signature = new byte[64];
    org.bouncycastle.math.ec.rfc8032.Ed25519.sign(
        seed, 0, message, 0, message.length, signature, 0);
    return signature;
  }

  @Override
  public synchronized void destroy() {
    Arrays.fill(seed, (byte) 0);
    destroyed = true;
  }

  @Override
  public synchronized boolean isDestroyed() {
    return destroyed;
  }

  private synchronized void requireLive() {
    if (destroyed) {
      throw new IllegalStateException("The seed was destroyed");
    }
  }

  @Override
  public String toString() {
    return "SealedSeed[redacted]";
  }

  /** Identity only: two seeds are never compared by their bytes. */
  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}

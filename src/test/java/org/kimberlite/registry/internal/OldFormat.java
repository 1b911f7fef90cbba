package org.kimberlite.registry.internal;

/** For tests that write keys as earlier versions stored them: a seed's bytes in clear. */
public final class OldFormat {
  private OldFormat() {}

  public static byte[] seedBytes(SealedSeed seed) {
    return seed.bytes(SeedAccess.INSTANCE);
  }
}

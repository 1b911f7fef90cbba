package org.kimberlite.registry.internal;

/**
 * The capability to read the bytes of a {@link SealedSeed}. Package-private with one instance: only
 * the master key's sealing code in this package can hold it.
 */
final class SeedAccess {
  static final SeedAccess INSTANCE = new SeedAccess();

  private SeedAccess() {}
}

package org.kimberlite.custody.internal.rules;

/**
 * What an invoice line sells, as far as the warranty deadlines care (SOW-02): rough diamonds had to
 * move to the revised statement two years before everything else.
 */
public enum GoodsKind {
  /** Rough diamonds (HS 7102.10, 7102.21, 7102.31). */
  ROUGH,
  /** Polished diamonds. */
  POLISHED,
  /** Jewellery set with diamonds. */
  JEWELLERY
}

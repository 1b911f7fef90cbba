package org.kimberlite.custody;

/**
 * What a lot, parcel or stone is made of, as far as the chain of custody knows (docs/rules.md,
 * LGD-01). Every lot has one; whether it was treated is a separate attribute.
 */
public enum Nature {
  /** Formed by nature, declared so by its producer or established by screening. */
  NATURAL,
  /** Grown in a laboratory or factory (synthetic diamond; HS 7104, never on a KP certificate). */
  LABORATORY_GROWN,
  /**
   * Not established either way: goods of unknown nature, or natural goods combined with such goods.
   * A screening result turns it into natural or laboratory-grown (LGD-04).
   */
  UNSCREENED
}

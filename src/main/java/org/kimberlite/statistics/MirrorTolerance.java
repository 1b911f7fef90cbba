package org.kimberlite.statistics;

import java.math.BigDecimal;
import java.util.Objects;
import org.kimberlite.shared.Carats;

/**
 * How far A's exports to B and B's imports from A may differ before the mirror check (STAT-02)
 * flags them. A difference is flagged only when it exceeds both tolerances.
 *
 * @param relative a fraction of the quarter's figure on the side in question (0.05 = 5 %)
 * @param absoluteCarats for US dollars the check uses the value of that many carats at the
 *     quarter's average price on that side
 * @param quartersOfLag how many quarters after the quarter of issue a shipment may still be
 *     received: 0 (the same quarter) to 8
 */
public record MirrorTolerance(BigDecimal relative, Carats absoluteCarats, int quartersOfLag) {

  /** 5 %, 1.00 carat, one quarter. */
  public static final MirrorTolerance DEFAULT =
      new MirrorTolerance(new BigDecimal("0.05"), Carats.of("1.00"), 1);

  public MirrorTolerance {
    Objects.requireNonNull(relative, "relative");
    if (relative.signum() < 0) {
      throw new IllegalArgumentException("relative must not be negative: " + relative);
    }
    Objects.requireNonNull(absoluteCarats, "absoluteCarats");
    if (quartersOfLag < 0 || quartersOfLag > 8) {
      throw new IllegalArgumentException("quartersOfLag must be 0 to 8: " + quartersOfLag);
    }
  }
}

package org.kimberlite.statistics;

import java.util.List;
import org.kimberlite.statistics.internal.MirrorCheck;

/**
 * The mirror check (STAT-02) over flows that come from elsewhere than this node's certificates,
 * such as the statistics documents of other nodes of a federation, with the same tolerance as the
 * Working Group's checks ({@link MirrorTolerance#DEFAULT}).
 */
public final class MirrorAnalysis {
  private static final MirrorCheck CHECK = new MirrorCheck(MirrorTolerance.DEFAULT);

  private MirrorAnalysis() {}

  /** A's exports to B against B's imports from A, quarter by quarter (see {@link MirrorCheck}). */
  public static List<Finding> findings(List<TradeFlow> exports, List<ImportFlow> imports) {
    return CHECK.findings(exports, imports);
  }
}

package org.kimberlite.cli;

import org.jspecify.annotations.Nullable;

/**
 * One line of the benchmark table: a measured figure, the raw baseline it is set against (measured
 * in the same run), the target and whether it was met. A row that could not be measured has no
 * figure and says why in its note.
 *
 * @param id the benchmark's id (B1 … B8), with a suffix for its parts
 * @param what what was measured, in words
 * @param figure the measured figure, or null when not measured
 * @param unit the figure's unit (events/s, ms, MiB, …)
 * @param baseline the raw baseline's figure in the same unit, or null when there is none
 * @param baselineWhat what the baseline is, in words
 * @param target the target, in words (e.g. "≥ 10000 events/s")
 * @param met whether the target was met; null when not measured or no target applies
 * @param note conditions of the measurement, or why it is missing
 */
record BenchRow(
    String id,
    String what,
    @Nullable Double figure,
    String unit,
    @Nullable Double baseline,
    String baselineWhat,
    String target,
    @Nullable Boolean met,
    String note) {

  /** The figure as a fraction of the baseline, or null without both. */
  @Nullable Double ratio() {
    return figure == null || baseline == null || baseline == 0 ? null : figure / baseline;
  }

  static BenchRow notMeasured(String id, String what, String unit, String target, String why) {
    return new BenchRow(id, what, null, unit, null, "", target, null, why);
  }

  /** A figure that must reach {@code atLeast} (and, with a baseline, {@code share} of it). */
  static BenchRow atLeast(
      String id,
      String what,
      double figure,
      String unit,
      @Nullable Double baseline,
      String baselineWhat,
      double atLeast,
      double share,
      String note) {
    boolean met =
        figure >= atLeast && (baseline == null || share <= 0 || figure >= share * baseline);
    String target =
        (atLeast > 0 ? "≥ " + BenchReport.number(atLeast) + " " + unit : "")
            + (baseline != null && share > 0
                ? (atLeast > 0 ? " and " : "") + "≥ " + Math.round(share * 100) + "% of baseline"
                : "");
    return new BenchRow(id, what, figure, unit, baseline, baselineWhat, target, met, note);
  }

  /** A figure that must stay at or below {@code atMost}. */
  static BenchRow atMost(
      String id, String what, double figure, String unit, double atMost, String note) {
    return new BenchRow(
        id,
        what,
        figure,
        unit,
        null,
        "",
        "≤ " + BenchReport.number(atMost) + " " + unit,
        figure <= atMost,
        note);
  }

  /** A figure reported for information, with no target of its own. */
  static BenchRow info(String id, String what, double figure, String unit, String note) {
    return new BenchRow(id, what, figure, unit, null, "", "", null, note);
  }
}

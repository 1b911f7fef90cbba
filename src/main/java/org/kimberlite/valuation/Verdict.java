package org.kimberlite.valuation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.shared.UsdPerCarat;

/**
 * The verdict on a value claim (VAL-02, KP-11): {@link Within} when every line that could be
 * checked lies in its band, {@link Outside} when any line does not, {@link NoBand} when no line
 * could be checked (no band, no book). Each line says why in {@link LineVerdict#explanation()}.
 */
public sealed interface Verdict permits Verdict.Within, Verdict.Outside, Verdict.NoBand {
  List<LineVerdict> lines();

  /** Every checked line lies in its band. */
  record Within(List<LineVerdict> lines) implements Verdict {
    public Within {
      lines = List.copyOf(lines);
    }
  }

  /** At least one line lies outside its band (those with {@link Status#OUTSIDE}). */
  record Outside(List<LineVerdict> lines) implements Verdict {
    public Outside {
      lines = List.copyOf(lines);
    }
  }

  /** No line could be checked; {@code reason} says why (each line's too). */
  record NoBand(String reason, List<LineVerdict> lines) implements Verdict {
    public NoBand {
      lines = List.copyOf(lines);
    }
  }

  /** A line's result. */
  enum Status {
    WITHIN,
    OUTSIDE,
    NO_BAND
  }

  /**
   * One HS line's verdict.
   *
   * @param index the line's position in the claim, from 0
   * @param declaredPerCarat declared USD ÷ carats, half-even to the cent (null for zero carats)
   * @param band the statistical band, when one could be drawn
   * @param noBandReason why there is none, otherwise
   * @param book the comparison with the price-book reference value, when the line had a breakdown
   *     that books in force cover entirely
   * @param explanation the whole verdict in words
   */
  record LineVerdict(
      int index,
      HsCode hsCode,
      Carats carats,
      UsdAmount declared,
      @Nullable UsdPerCarat declaredPerCarat,
      Status status,
      @Nullable Band band,
      @Nullable String noBandReason,
      @Nullable BookCheck book,
      String explanation) {}

  /**
   * Declared value against a price-book reference value (VAL-02): reference ÷ factor to reference ×
   * factor, both ends included.
   */
  record BookCheck(
      Valuation valuation, UsdAmount low, UsdAmount high, Factor factor, boolean within) {}
}

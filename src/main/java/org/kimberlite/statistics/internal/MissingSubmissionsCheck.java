package org.kimberlite.statistics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.Policy;
import org.kimberlite.statistics.Finding;
import org.kimberlite.statistics.ProductionFigure;

/**
 * STAT-04, missing production submissions: every half-year that has ended without a report.
 *
 * <p>A pure policy: the day is an argument (the caller takes it from its injected clock), no I/O.
 * Findings come sorted by {@link Finding#ORDER} whatever the order of the input.
 */
@Policy(rules = "STAT-04")
public final class MissingSubmissionsCheck {
  public static final String RULE = "STAT-04";

  /** The longest span of years one call looks at. */
  public static final int MAX_YEARS = 100;

  private MissingSubmissionsCheck() {}

  /**
   * STAT-04: one finding per participant and half-year from {@code fromYear} to {@code toYear} that
   * has ended by {@code today} (H1 on 30 June, H2 on 31 December, so H1 is due from 1 July) without
   * a production report for it. An FY report counts as both halves; figures of participants not
   * listed are ignored. Severity {@code HIGH} when neither half of that year was reported although
   * both are due, otherwise {@code MEDIUM}.
   */
  public static List<Finding> findings(
      Collection<ParticipantCode> participants,
      List<ProductionFigure> production,
      int fromYear,
      int toYear,
      LocalDate today) {
    Objects.requireNonNull(today, "today");
    if (fromYear > toYear) {
      throw new IllegalArgumentException("fromYear " + fromYear + " is after toYear " + toYear);
    }
    if (toYear - fromYear >= MAX_YEARS) {
      throw new IllegalArgumentException(
          "at most " + MAX_YEARS + " years at a time: " + fromYear + " to " + toYear);
    }
    Map<ParticipantCode, Map<Integer, Set<String>>> reported = new TreeMap<>();
    for (ProductionFigure f : production) {
      reported
          .computeIfAbsent(f.participant(), k -> new TreeMap<>())
          .computeIfAbsent(f.year(), k -> new TreeSet<>())
          .add(f.half());
    }
    Set<ParticipantCode> listed = new TreeSet<>();
    for (ParticipantCode p : participants) {
      listed.add(Objects.requireNonNull(p, "participant"));
    }
    List<Finding> findings = new ArrayList<>();
    for (ParticipantCode p : listed) {
      for (int y = fromYear; y <= toYear; y++) {
        Set<String> got = reported.getOrDefault(p, Map.of()).getOrDefault(y, Set.of());
        LocalDate h1End = LocalDate.of(y, 6, 30);
        LocalDate h2End = LocalDate.of(y, 12, 31);
        boolean fy = got.contains(ProductionFigure.FY);
        boolean h1Missing = today.isAfter(h1End) && !fy && !got.contains(ProductionFigure.H1);
        boolean h2Missing = today.isAfter(h2End) && !fy && !got.contains(ProductionFigure.H2);
        String severity = h1Missing && h2Missing ? Finding.HIGH : Finding.MEDIUM;
        if (h1Missing) {
          findings.add(missingFinding(p, y, ProductionFigure.H1, h1End, got, today, severity));
        }
        if (h2Missing) {
          findings.add(missingFinding(p, y, ProductionFigure.H2, h2End, got, today, severity));
        }
      }
    }
    return CheckFigures.sorted(findings);
  }

  private static Finding missingFinding(
      ParticipantCode participant,
      int year,
      String half,
      LocalDate ended,
      Set<String> got,
      LocalDate today,
      String severity) {
    String label = year + "-" + half;
    String others = got.isEmpty() ? "none" : String.join(",", got);
    Map<String, String> evidence = new LinkedHashMap<>();
    evidence.put("period", label);
    evidence.put("periodEnded", ended.toString());
    evidence.put("today", today.toString());
    evidence.put("reportedForYear", others);
    return new Finding(
        RULE,
        participant,
        label,
        severity,
        "No "
            + label
            + " production report from "
            + participant
            + " (the half-year ended on "
            + ended
            + "; reported for "
            + year
            + ": "
            + others
            + ").",
        evidence);
  }
}

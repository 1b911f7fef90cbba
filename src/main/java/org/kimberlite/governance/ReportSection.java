package org.kimberlite.governance;

/**
 * The sections of a participant's annual report, in the order the report reads. Each holds free
 * text of at most {@link #MAX_CHARS} characters.
 */
public enum ReportSection {
  /** Laws and regulations that implement the certification scheme, and changes in the year. */
  LEGISLATION,
  /** The KP authority and the other institutions that take part, and how they cooperate. */
  INSTITUTIONS,
  /** Internal controls over production, import, export and trade; inspections and seizures. */
  INTERNAL_CONTROLS,
  /** Artisanal and alluvial production: licensing, traceability, buying offices. */
  ARTISANAL_PRODUCTION,
  /** Production and trade statistics of the year, and how they were checked. */
  STATISTICS;

  /** The longest text a section holds. */
  public static final int MAX_CHARS = 20_000;
}

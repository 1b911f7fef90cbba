package org.kimberlite.federation;

import java.util.List;

/** What asking this node to make its statistics documents of a year gives. */
public sealed interface StatisticsOutcome {
  /**
   * The documents of the year, one per participant asked for: made now, or the latest when the
   * figures did not change.
   */
  record Made(List<Made.Document> documents) implements StatisticsOutcome {
    public Made {
      documents = List.copyOf(documents);
    }

    /**
     * One document.
     *
     * @param made whether this version was made by this request (false: the figures are those of
     *     the latest version)
     */
    public record Document(
        String participant, int year, long version, String recordId, boolean made) {}
  }

  /** The caller may not ask for it. */
  record NotAllowed(String detail) implements StatisticsOutcome {}

  /** This server is a single node, or not listed in the directory it holds. */
  record NotFederated(String detail) implements StatisticsOutcome {}
}

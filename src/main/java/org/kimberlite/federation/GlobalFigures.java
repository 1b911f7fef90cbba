package org.kimberlite.federation;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.statistics.Finding;

/**
 * The global figures of a year on the secretariat's node: each participant's from the latest
 * verified document of the node serving it (or from this node's records for the participants it
 * serves itself), and the mirror analysis across nodes.
 *
 * @param mirror STAT-02 findings of the year between participants that both have figures here
 * @param sources the state of fetching from each node
 */
public record GlobalFigures(
    int year,
    List<Participant> participants,
    List<Finding> mirror,
    List<StatisticsSource> sources) {

  public GlobalFigures {
    participants = List.copyOf(participants);
    mirror = List.copyOf(mirror);
    sources = List.copyOf(sources);
  }

  /**
   * One participant's figures of the year.
   *
   * @param node the node whose document they come from
   * @param version the document's version; null for figures of this node's own records
   * @param asOf when the document was made (or, for this node's records, now)
   * @param certificates certificates issued for export (a lane's certificates in a quarter are
   *     those of its HS code with the most)
   * @param production the latest revision of each half (or the whole year, when no half is filed)
   */
  public record Participant(
      String participant,
      String node,
      @Nullable Long version,
      Instant asOf,
      Totals exports,
      Totals imports,
      Totals production) {}

  /** Carats, US dollars and certificates added up. */
  public record Totals(Carats carats, UsdAmount valueUsd, long certificates) {
    public static final Totals NONE = new Totals(Carats.ZERO, UsdAmount.ZERO, 0);
  }
}

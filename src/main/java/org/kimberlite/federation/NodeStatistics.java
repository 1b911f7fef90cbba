package org.kimberlite.federation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;

/**
 * A node's statistics document: one participant's trade and production of one year as the node
 * serving it computed them from its own records, signed with the node's trust-list key ({@link
 * #TYPE}) and committed to its log ({@link #RECORD_TYPE}). A period computed again with other
 * figures gets the next version; every version stays in the log.
 *
 * @param node the id of the node that made it, as the directory lists it
 * @param participant the participant the figures are of
 * @param year the calendar year
 * @param version from 1, one higher each time the year's figures change
 * @param issuedAt when it was made
 * @param exports the participant's exports by quarter of issue, partner and HS code
 * @param imports the participant's imports by quarter of confirmation, partner and HS code
 * @param production its production reports of the year, the latest revision of each half
 */
public record NodeStatistics(
    String node,
    ParticipantCode participant,
    int year,
    long version,
    Instant issuedAt,
    List<Flow> exports,
    List<Flow> imports,
    List<Production> production) {

  /** The {@code typ} of a signed statistics document. */
  public static final String TYPE = "kimberlite-statistics-node-aggregate+jwt";

  /** The log record type of a statistics document. */
  public static final String RECORD_TYPE = "statistics.node-aggregate";

  public NodeStatistics {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(participant, "participant");
    Objects.requireNonNull(issuedAt, "issuedAt");
    if (year < 1000 || year > 9999 || version < 1) {
      throw new IllegalArgumentException("a four-digit year and a version from 1");
    }
    exports = List.copyOf(exports);
    imports = List.copyOf(imports);
    production = List.copyOf(production);
  }

  /** The log record id of this document: {@code <participant>/<year>/<version>}. */
  public String recordId() {
    return recordId(participant, year, version);
  }

  /** The log record id of a document. */
  public static String recordId(ParticipantCode participant, int year, long version) {
    return participant.code() + "/" + year + "/" + version;
  }

  /**
   * Trade with one partner in one quarter under one HS code.
   *
   * @param certificates the certificates behind it (a certificate with lines under two HS codes
   *     counts under both)
   */
  public record Flow(
      int quarter,
      ParticipantCode partner,
      HsCode hsCode,
      Carats carats,
      UsdAmount valueUsd,
      long certificates) {
    public Flow {
      if (quarter < 1 || quarter > 4 || certificates < 0) {
        throw new IllegalArgumentException("a quarter 1 to 4 and a count not negative");
      }
      Objects.requireNonNull(partner, "partner");
      Objects.requireNonNull(hsCode, "hsCode");
      Objects.requireNonNull(carats, "carats");
      Objects.requireNonNull(valueUsd, "valueUsd");
    }
  }

  /**
   * A production report as filed.
   *
   * @param half {@code H1}, {@code H2} or {@code FY}
   * @param revision the report's revision
   */
  public record Production(String half, int revision, Carats carats, UsdAmount valueUsd) {
    public Production {
      if (!half.equals("H1") && !half.equals("H2") && !half.equals("FY") || revision < 1) {
        throw new IllegalArgumentException("half H1, H2 or FY and a revision from 1");
      }
      Objects.requireNonNull(carats, "carats");
      Objects.requireNonNull(valueUsd, "valueUsd");
    }
  }
}

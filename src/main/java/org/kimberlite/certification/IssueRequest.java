package org.kimberlite.certification;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A certificate as an exporting authority asks to issue it. Every field may be missing or wrong:
 * the rules say which.
 *
 * @param originZone for origin from a suspended participant under an operational framework: the
 *     compliant zone the goods come from
 * @param number a number from the authority's own range; when absent the next one is assigned
 */
public record IssueRequest(
    @Nullable UUID exporter,
    @Nullable UUID importer,
    @Nullable String importingParticipant,
    @Nullable OriginKind originKind,
    List<String> originCountries,
    @Nullable String originZone,
    List<LineRequest> lines,
    @Nullable Integer parcels,
    @Nullable String sealId,
    @Nullable LocalDate issuedOn,
    @Nullable LocalDate expiresOn,
    @Nullable String number) {

  public IssueRequest {
    originCountries = List.copyOf(originCountries);
    lines = List.copyOf(lines);
  }

  /** One HS line as asked: carats and value as decimal strings. */
  public record LineRequest(
      @Nullable String hsCode, @Nullable String carats, @Nullable String valueUsd) {}
}

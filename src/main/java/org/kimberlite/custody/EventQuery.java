package org.kimberlite.custody;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A query of the EPCIS query interface (SimpleEventQuery parameters). Empty lists and null times do
 * not filter; values within one list are alternatives; different parameters all apply.
 *
 * @param bizSteps CBV words, URNs or URIs (compared as web URIs)
 * @param matchEpc identifiers (EPC URIs, patterns or Digital Link URIs) in epcList or childEPCs
 * @param matchAnyEpc the same in any role: also parentID, inputEPCList, outputEPCList
 * @param perPage events per page
 */
public record EventQuery(
    List<String> eventTypes,
    @Nullable Instant geEventTime,
    @Nullable Instant ltEventTime,
    @Nullable Instant geRecordTime,
    @Nullable Instant ltRecordTime,
    List<String> bizSteps,
    List<String> dispositions,
    List<String> readPoints,
    List<String> bizLocations,
    List<String> eventIds,
    List<String> matchEpc,
    List<String> matchAnyEpc,
    int perPage) {

  public EventQuery {
    eventTypes = List.copyOf(eventTypes);
    bizSteps = List.copyOf(bizSteps);
    dispositions = List.copyOf(dispositions);
    readPoints = List.copyOf(readPoints);
    bizLocations = List.copyOf(bizLocations);
    eventIds = List.copyOf(eventIds);
    matchEpc = List.copyOf(matchEpc);
    matchAnyEpc = List.copyOf(matchAnyEpc);
  }

  /** A stable text of the filters (not the page size), which a page token is bound to. */
  public String fingerprint() {
    return String.join(
        "\u0000",
        String.valueOf(eventTypes),
        String.valueOf(geEventTime),
        String.valueOf(ltEventTime),
        String.valueOf(geRecordTime),
        String.valueOf(ltRecordTime),
        String.valueOf(bizSteps),
        String.valueOf(dispositions),
        String.valueOf(readPoints),
        String.valueOf(bizLocations),
        String.valueOf(eventIds),
        String.valueOf(matchEpc),
        String.valueOf(matchAnyEpc));
  }
}

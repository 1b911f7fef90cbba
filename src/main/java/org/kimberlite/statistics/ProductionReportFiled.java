package org.kimberlite.statistics;

import java.time.Instant;

/**
 * A domain fact for due diligence: a participant's production report for a half-year was filed (or
 * corrected). Published in the transaction that stored it.
 *
 * @param participant the participant's code
 * @param half {@code H1} or {@code H2}
 */
public record ProductionReportFiled(String participant, int year, String half, Instant at) {}

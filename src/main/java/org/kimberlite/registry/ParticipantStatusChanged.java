package org.kimberlite.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A domain fact for due diligence: the secretariat recorded a change of a participant's status.
 * Published in the transaction that recorded it.
 *
 * @param participant the participant's code
 * @param change the {@link StatusChangeType}'s name
 */
public record ParticipantStatusChanged(
    String participant, String change, LocalDate effectiveOn, Instant at) {}

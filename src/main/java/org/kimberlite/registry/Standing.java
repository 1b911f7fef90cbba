package org.kimberlite.registry;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;

/**
 * The answer to "was X a participant in good standing on day D?".
 *
 * @param status the status on that day, or {@code null} when X was not (yet) a participant
 * @param since the day the status took effect
 * @param compliantZones zones from which exports were allowed that day (suspended participants)
 * @param decision the KP decision behind the status in force that day, when one is recorded
 */
public record Standing(
    ParticipantCode participant,
    LocalDate on,
    @Nullable ParticipantStatus status,
    @Nullable LocalDate since,
    List<String> compliantZones,
    @Nullable DecisionReference decision) {

  public Standing(
      ParticipantCode participant,
      LocalDate on,
      @Nullable ParticipantStatus status,
      @Nullable LocalDate since,
      List<String> compliantZones) {
    this(participant, on, status, since, compliantZones, null);
  }

  public boolean isParticipant() {
    return status != null && status.isParticipant();
  }

  public boolean inGoodStanding() {
    return status != null && status.inGoodStanding();
  }
}

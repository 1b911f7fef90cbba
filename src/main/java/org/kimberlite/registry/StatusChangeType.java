package org.kimberlite.registry;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A decision that changes a participant's status, with the status it leads to and the statuses it
 * may follow.
 */
public enum StatusChangeType {
  /** Admission (or readmission after exclusion) as a participant. */
  ADMISSION(ParticipantStatus.ACTIVE, true, EnumSet.of(ParticipantStatus.EXCLUDED)),
  SUSPENSION(ParticipantStatus.SUSPENDED, false, EnumSet.of(ParticipantStatus.ACTIVE)),
  SELF_SUSPENSION(ParticipantStatus.SELF_SUSPENDED, false, EnumSet.of(ParticipantStatus.ACTIVE)),
  /**
   * An operational framework adopted for a suspended participant: it stays suspended, and exports
   * are allowed only from the compliant zones recorded for it.
   */
  OPERATIONAL_FRAMEWORK(
      ParticipantStatus.SUSPENDED, false, EnumSet.of(ParticipantStatus.SUSPENDED)),
  REINSTATEMENT(
      ParticipantStatus.ACTIVE,
      false,
      EnumSet.of(ParticipantStatus.SUSPENDED, ParticipantStatus.SELF_SUSPENDED)),
  EXCLUSION(
      ParticipantStatus.EXCLUDED,
      false,
      EnumSet.of(
          ParticipantStatus.ACTIVE, ParticipantStatus.SUSPENDED, ParticipantStatus.SELF_SUSPENDED));

  private final ParticipantStatus result;
  private final boolean mayStartHistory;
  private final Set<ParticipantStatus> allowedFrom;

  StatusChangeType(
      ParticipantStatus result, boolean mayStartHistory, Set<ParticipantStatus> allowedFrom) {
    this.result = result;
    this.mayStartHistory = mayStartHistory;
    this.allowedFrom = allowedFrom;
  }

  public ParticipantStatus result() {
    return result;
  }

  /** Whether this change may follow {@code current} ({@code null}: never a participant before). */
  public boolean mayFollow(@Nullable ParticipantStatus current) {
    return current == null ? mayStartHistory : allowedFrom.contains(current);
  }
}

package org.kimberlite.registry;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;

/** What came of a change to the participants list: recorded, or why not. */
public sealed interface ParticipantChange {

  /**
   * Recorded (and committed to the log); the participant as it now stands.
   *
   * @param recordId the row id of the status change or zone recorded (its record id in the log),
   *     {@code null} when the change was not one of those
   */
  record Recorded(ParticipantDetail detail, @Nullable Long recordId) implements ParticipantChange {
    public Recorded(ParticipantDetail detail) {
      this(detail, null);
    }
  }

  /** Refused under the registry's rules; nothing changed. */
  record Refused(List<RuleBreach> breaches) implements ParticipantChange {
    public Refused {
      breaches = List.copyOf(breaches);
    }

    public Refused(RuleBreach breach) {
      this(List.of(breach));
    }
  }

  /** The caller's organisation plays none of the roles {@code anyOf} this needs. */
  record NotAllowed(Set<OrganisationRole> anyOf) implements ParticipantChange {
    public NotAllowed {
      anyOf = Set.copyOf(anyOf);
    }
  }

  /** No participant has that code. */
  record Unknown(ParticipantCode code) implements ParticipantChange {}

  /**
   * The code to admit is listed already, or is a member state that trades under {@code
   * tradesUnder}.
   */
  record AlreadyListed(ParticipantCode code, @Nullable ParticipantCode tradesUnder)
      implements ParticipantChange {}
}

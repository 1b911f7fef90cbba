package org.kimberlite.diligence.internal.policies;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.kimberlite.diligence.Evidence;
import org.kimberlite.diligence.Severity;
import org.kimberlite.shared.ParticipantCode;

/**
 * What a policy raises: a rule broken on some facts. {@code factKey} names those facts; with the
 * rule it makes the finding's identity, so the same facts never raise it twice.
 */
public record Flag(
    String rule,
    Severity severity,
    String factKey,
    String summary,
    List<Evidence> evidence,
    Set<UUID> organisations,
    Set<ParticipantCode> participants) {
  public Flag {
    evidence = List.copyOf(evidence);
    organisations = Set.copyOf(organisations);
    participants = Set.copyOf(participants);
    if (factKey.length() > 500) {
      throw new IllegalArgumentException("a fact key has at most 500 characters");
    }
  }
}

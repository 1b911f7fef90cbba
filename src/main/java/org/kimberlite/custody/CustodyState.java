package org.kimberlite.custody;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What the checks may read of the events stored so far, inside the capture's transaction (so a
 * check sees the state the batch will be stored on).
 */
public interface CustodyState {
  /** Which of {@code hashIds} are stored already. */
  Set<String> storedHashIds(Collection<String> hashIds);

  /**
   * The stored events that name any of {@code canonicalEpcs} (canonical Digital Link form or as
   * written) in any role, oldest event time first, at most {@code limit}.
   */
  List<StoredEvent> eventsNaming(Collection<String> canonicalEpcs, int limit);
}

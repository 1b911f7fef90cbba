package org.kimberlite.custody;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The answer to an event query. */
public sealed interface QueryOutcome {
  /** One page of events, oldest capture first, with the token of the next page if there is one. */
  record Page(List<StoredEvent> events, @Nullable String nextPageToken) implements QueryOutcome {
    public Page {
      events = List.copyOf(events);
    }
  }

  /** The page token was not issued for this query and caller (or was altered). */
  record BadPageToken() implements QueryOutcome {}
}

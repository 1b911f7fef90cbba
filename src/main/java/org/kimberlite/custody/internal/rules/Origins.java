package org.kimberlite.custody.internal.rules;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.kimberlite.shared.ParticipantCode;

/**
 * Where goods come from, as the chain of custody carries it (CUS-05): the KP participants of
 * origin, or "mixed" when the origins are no longer known (goods bought as mixed, as on a KP
 * certificate that declares no list of origins).
 */
public sealed interface Origins {
  /** Origins no longer known. */
  Origins MIXED = new Mixed();

  /** Origins no longer known: combined with anything, stays mixed. */
  record Mixed() implements Origins {}

  /**
   * Known origins: one participant, or several (the 2024 KP decision on declared origins).
   *
   * @param participants at least one, sorted, unmodifiable
   */
  record Listed(SortedSet<ParticipantCode> participants) implements Origins {
    public Listed {
      Objects.requireNonNull(participants, "participants");
      if (participants.isEmpty()) {
        throw new IllegalArgumentException("listed origins name at least one participant");
      }
      participants = Collections.unmodifiableSortedSet(new TreeSet<>(participants));
    }
  }

  static Origins of(ParticipantCode first, ParticipantCode... more) {
    TreeSet<ParticipantCode> all = new TreeSet<>();
    all.add(first);
    Collections.addAll(all, more);
    return new Listed(all);
  }

  /** The origins of goods combined from these: mixed if any is mixed, else every listed one. */
  static Origins union(Collection<? extends Origins> origins) {
    TreeSet<ParticipantCode> all = new TreeSet<>();
    for (Origins o : origins) {
      switch (o) {
        case Mixed m -> {
          return MIXED;
        }
        case Listed l -> all.addAll(l.participants());
      }
    }
    if (all.isEmpty()) {
      throw new IllegalArgumentException("no origins to combine");
    }
    return new Listed(all);
  }
}

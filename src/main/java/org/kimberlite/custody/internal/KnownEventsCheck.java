package org.kimberlite.custody.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kimberlite.custody.CaptureBatch;
import org.kimberlite.custody.CustodyState;
import org.kimberlite.custody.EventChecks;
import org.kimberlite.custody.Finding;
import org.kimberlite.custody.ParsedEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * CUS-02: the same event — the same CBV event hash ID — is stored once. An event stored before, or
 * repeated earlier in the same document, is known: not stored again, and no error.
 */
@Component
@Order(200)
public class KnownEventsCheck implements EventChecks {
  public static final String RULE = "CUS-02";

  @Override
  public List<Finding> check(CaptureBatch batch, CustodyState state) {
    Set<String> stored =
        state.storedHashIds(batch.events().stream().map(ParsedEvent::hashId).toList());
    Set<String> seen = new HashSet<>();
    List<Finding> out = new ArrayList<>();
    for (ParsedEvent event : batch.events()) {
      if (stored.contains(event.hashId())) {
        out.add(Finding.known(event.index(), RULE, "stored before with the same event hash ID"));
      } else if (!seen.add(event.hashId())) {
        out.add(
            Finding.known(
                event.index(), RULE, "repeats an earlier event of the document (same hash ID)"));
      }
    }
    return out;
  }
}

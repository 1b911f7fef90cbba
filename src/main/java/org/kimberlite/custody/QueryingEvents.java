package org.kimberlite.custody;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.internal.CbvVocabulary;
import org.kimberlite.custody.internal.DigitalLinks;
import org.kimberlite.custody.internal.EventReader;
import org.kimberlite.custody.internal.EventRepository;
import org.kimberlite.custody.internal.PageTokens;
import org.kimberlite.registry.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Querying stored events (the EPCIS query interface). For now an organisation sees the events it
 * captured; every read is scoped by the caller's organisation in the repository.
 */
@Service
public class QueryingEvents {
  private static final Pattern GTIN_ONLY = Pattern.compile("https://id\\.gs1\\.org/01/\\d{14}");

  private final EventRepository events;
  private final PageTokens tokens;

  public QueryingEvents(EventRepository events, PageTokens tokens) {
    this.events = events;
    this.tokens = tokens;
  }

  @Transactional(readOnly = true)
  public QueryOutcome query(Caller caller, EventQuery query, @Nullable String pageToken) {
    long after = 0;
    if (pageToken != null) {
      OptionalLong read = tokens.read(caller.organisationId(), query.fingerprint(), pageToken);
      if (read.isEmpty()) {
        return new QueryOutcome.BadPageToken();
      }
      after = read.getAsLong();
    }
    CbvVocabulary vocabulary = CbvVocabulary.bundled();
    List<StoredEvent> found =
        events.query(
            new EventRepository.Filter(
                caller.organisationId(),
                query.eventTypes(),
                query.geEventTime(),
                query.ltEventTime(),
                query.geRecordTime(),
                query.ltRecordTime(),
                query.bizSteps().stream().map(s -> vocabulary.webUri("bizStep", s)).toList(),
                query.dispositions().stream()
                    .map(s -> vocabulary.webUri("disposition", s))
                    .toList(),
                query.readPoints().stream().map(EventReader::canonical).toList(),
                query.bizLocations().stream().map(EventReader::canonical).toList(),
                query.eventIds(),
                matches(query.matchEpc()),
                matches(query.matchAnyEpc()),
                after,
                query.perPage() + 1));
    String next = null;
    if (found.size() > query.perPage()) {
      found = found.subList(0, query.perPage());
      next =
          tokens.issue(
              caller.organisationId(), query.fingerprint(), found.get(found.size() - 1).seq());
    }
    return new QueryOutcome.Page(found, next);
  }

  private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-f]{64}");

  /**
   * One event the caller may see, by its eventID, its hash ID, or the 64 hex digits of its hash ID
   * (a hash ID holds slashes, which a path segment cannot carry).
   */
  @Transactional(readOnly = true)
  public Optional<StoredEvent> event(Caller caller, String eventId) {
    String id =
        HEX_DIGEST.matcher(eventId).matches()
            ? "ni:///sha-256;" + eventId + "?ver=CBV2.0"
            : eventId;
    return events.find(caller.organisationId(), id);
  }

  private static List<EventRepository.EpcMatch> matches(List<String> values) {
    List<EventRepository.EpcMatch> out = new ArrayList<>();
    for (String v : values) {
      String canonical = DigitalLinks.canonical(v).orElse(v);
      boolean pattern = v.startsWith("urn:epc:idpat:") && GTIN_ONLY.matcher(canonical).matches();
      out.add(new EventRepository.EpcMatch(v, canonical, pattern ? canonical + "/" : null));
    }
    return out;
  }
}

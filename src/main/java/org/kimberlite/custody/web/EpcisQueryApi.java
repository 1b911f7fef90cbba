package org.kimberlite.custody.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.CustodyProperties;
import org.kimberlite.custody.EventQuery;
import org.kimberlite.custody.QueryOutcome;
import org.kimberlite.custody.QueryingEvents;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The query interface of the EPCIS 2.0 REST binding: {@code GET /epcis/events} with
 * SimpleEventQuery parameters answers an EPCISQueryDocument, a page at a time ({@code perPage},
 * {@code nextPageToken}, {@code Link: <…>; rel="next"}).
 */
@RestController
@RequestMapping("/epcis")
class EpcisQueryApi {
  private static final Pattern BAR = Pattern.compile("\\|");
  private static final Set<String> PARAMETERS =
      Set.of(
          "eventType",
          "GE_eventTime",
          "LT_eventTime",
          "GE_recordTime",
          "LT_recordTime",
          "EQ_bizStep",
          "EQ_disposition",
          "EQ_readPoint",
          "EQ_bizLocation",
          "EQ_eventID",
          "MATCH_epc",
          "MATCH_anyEPC",
          "perPage",
          "nextPageToken");
  private static final Set<String> EVENT_TYPES =
      Set.of(
          "ObjectEvent",
          "AggregationEvent",
          "TransactionEvent",
          "TransformationEvent",
          "AssociationEvent");
  private static final int MAX_VALUES = 100;
  private static final int MAX_VALUE_LENGTH = 2000;

  private final QueryingEvents querying;
  private final CustodyProperties properties;
  private final Clock clock;

  EpcisQueryApi(QueryingEvents querying, CustodyProperties properties, Clock clock) {
    this.querying = querying;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping(
      value = "/events",
      produces = {"application/json", "application/ld+json"})
  ResponseEntity<JsonNode> events(
      Caller caller, @RequestParam MultiValueMap<String, String> params) {
    for (String name : params.keySet()) {
      if (!PARAMETERS.contains(name)) {
        throw invalid(name, "is not a query parameter this server answers");
      }
    }
    EventQuery query =
        new EventQuery(
            eventTypes(values(params, "eventType")),
            time(params, "GE_eventTime"),
            time(params, "LT_eventTime"),
            time(params, "GE_recordTime"),
            time(params, "LT_recordTime"),
            values(params, "EQ_bizStep"),
            values(params, "EQ_disposition"),
            values(params, "EQ_readPoint"),
            values(params, "EQ_bizLocation"),
            values(params, "EQ_eventID"),
            values(params, "MATCH_epc"),
            values(params, "MATCH_anyEPC"),
            perPage(params));
    String token = single(params, "nextPageToken");
    return switch (querying.query(caller, query, token)) {
      case QueryOutcome.Page page -> {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (page.nextPageToken() != null) {
          String next =
              UriComponentsBuilder.fromPath("/epcis/events")
                  .queryParams(withToken(params, page.nextPageToken()))
                  .encode()
                  .build()
                  .toUriString();
          ok.header("Link", "<" + next + ">; rel=\"next\"");
        }
        ok.header("GS1-EPCIS-Version", EpcisCaptureApi.EPCIS_VERSION);
        ok.header("GS1-CBV-Version", EpcisCaptureApi.CBV_VERSION);
        yield ok.body(
            EpcisJson.queryDocument(page.events(), clock.instant().truncatedTo(ChronoUnit.MILLIS)));
      }
      case QueryOutcome.BadPageToken b ->
          throw invalid(
              "nextPageToken", "is not a token this server issued for this query; start again");
    };
  }

  @GetMapping(
      value = "/events/{eventId}",
      produces = {"application/json", "application/ld+json"})
  ResponseEntity<JsonNode> event(Caller caller, @PathVariable String eventId) {
    if (eventId.length() > MAX_VALUE_LENGTH) {
      throw invalid("eventID", "is too long");
    }
    JsonNode document =
        querying
            .event(caller, eventId)
            .map(e -> (JsonNode) EpcisJson.queryDocument(List.of(e), clock.instant()))
            .orElseThrow(() -> Problem.notFound("No event with that ID that you may see."));
    return ResponseEntity.ok()
        .header("GS1-EPCIS-Version", EpcisCaptureApi.EPCIS_VERSION)
        .header("GS1-CBV-Version", EpcisCaptureApi.CBV_VERSION)
        .body(document);
  }

  private static MultiValueMap<String, String> withToken(
      MultiValueMap<String, String> params, String token) {
    MultiValueMap<String, String> out = new org.springframework.util.LinkedMultiValueMap<>(params);
    out.put("nextPageToken", List.of(token));
    return out;
  }

  private int perPage(MultiValueMap<String, String> params) {
    String value = single(params, "perPage");
    if (value == null) {
      return properties.defaultPerPage();
    }
    int n;
    try {
      n = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw invalid("perPage", "is a whole number from 1 to " + properties.maxPerPage());
    }
    if (n < 1 || n > properties.maxPerPage()) {
      throw invalid("perPage", "is a whole number from 1 to " + properties.maxPerPage());
    }
    return n;
  }

  private static List<String> eventTypes(List<String> values) {
    for (String v : values) {
      if (!EVENT_TYPES.contains(v)) {
        throw invalid(
            "eventType", "is one of " + String.join(", ", EVENT_TYPES.stream().sorted().toList()));
      }
    }
    return values;
  }

  private static @Nullable String single(MultiValueMap<String, String> params, String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw invalid(name, "is given once");
    }
    if (values.get(0).length() > MAX_VALUE_LENGTH) {
      throw invalid(name, "is too long");
    }
    return values.get(0);
  }

  /** Every value of a list parameter: repeated, or separated by {@code |}. */
  private static List<String> values(MultiValueMap<String, String> params, String name) {
    List<String> out = new ArrayList<>();
    for (String raw : params.getOrDefault(name, List.of())) {
      for (String v : BAR.split(raw, -1)) {
        String value = v.strip();
        if (value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
          throw invalid(name, "holds an empty or too long value");
        }
        out.add(value);
      }
    }
    if (out.size() > MAX_VALUES) {
      throw invalid(name, "holds at most " + MAX_VALUES + " values");
    }
    return out;
  }

  private static @Nullable Instant time(MultiValueMap<String, String> params, String name) {
    String value = single(params, name);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(
              value.strip().toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
          .toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(name, "is a date and time with a UTC offset, such as 2024-05-01T00:00:00Z");
    }
  }

  private static Problem invalid(String name, String message) {
    return new Problem(
        400,
        "epcis-query-parameter",
        "A query parameter is not valid",
        "Parameter '" + name + "' " + message + ".",
        List.of(),
        List.of(new FieldError(name, message)));
  }
}

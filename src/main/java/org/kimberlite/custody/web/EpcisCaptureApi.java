package org.kimberlite.custody.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.Capturing;
import org.kimberlite.custody.CustodyProperties;
import org.kimberlite.custody.ErrorBehaviour;
import org.kimberlite.custody.Submission;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The capture interface of the EPCIS 2.0 REST binding: {@code POST /epcis/capture} takes an
 * EPCISDocument and answers 202 with the capture job's address; the job says how it went.
 */
@RestController
@RequestMapping("/epcis")
class EpcisCaptureApi {
  static final String EPCIS_VERSION = "2.0.0";
  static final String CBV_VERSION = "2.0.0";

  private final Capturing capturing;
  private final CustodyProperties properties;

  EpcisCaptureApi(Capturing capturing, CustodyProperties properties) {
    this.capturing = capturing;
    this.properties = properties;
  }

  @PostMapping(
      value = "/capture",
      consumes = {"application/json", "application/ld+json"})
  ResponseEntity<Map<String, Object>> capture(
      Caller caller,
      @RequestBody byte[] body,
      @RequestHeader(value = "GS1-Capture-Error-Behaviour", required = false)
          @Nullable String behaviourHeader) {
    ErrorBehaviour behaviour = ErrorBehaviour.ROLLBACK;
    if (behaviourHeader != null) {
      behaviour =
          ErrorBehaviour.parse(behaviourHeader)
              .orElseThrow(
                  () ->
                      new Problem(
                          400,
                          "malformed-request",
                          "Unsupported capture error behaviour",
                          "GS1-Capture-Error-Behaviour is rollback (the default) or proceed.",
                          List.of(),
                          List.of(
                              new FieldError(
                                  "GS1-Capture-Error-Behaviour", "is rollback or proceed"))));
    }
    String text = new String(body, StandardCharsets.UTF_8);
    return switch (capturing.submit(caller, text, behaviour)) {
      case Submission.Submitted s ->
          ResponseEntity.status(HttpStatus.ACCEPTED)
              .location(URI.create("/epcis/capture/" + s.jobId()))
              .header("GS1-EPCIS-Version", EPCIS_VERSION)
              .header("GS1-CBV-Version", CBV_VERSION)
              .body(Map.of("captureID", s.jobId().toString(), "events", s.events()));
      case Submission.NotADocument n ->
          throw new Problem(
              400,
              "CUS-01",
              "Not an EPCISDocument",
              n.detail() + " Nothing was captured.",
              List.of("CUS-01"),
              List.of());
      case Submission.TooManyEvents t ->
          throw new Problem(
              413,
              "epcis-capture-limit",
              "Too many events",
              "The document holds "
                  + t.events()
                  + " events; one capture takes at most "
                  + t.limit()
                  + " (GS1-EPCIS-Capture-Limit). Nothing was captured.",
              List.of(),
              List.of(new FieldError("epcisBody.eventList", "at most " + t.limit() + " events")));
      case Submission.EventTooLarge t ->
          throw new Problem(
              413,
              "epcis-event-size-limit",
              "An event is too large",
              "Event "
                  + t.eventIndex()
                  + " is "
                  + t.bytes()
                  + " bytes; an event may be at most "
                  + t.limit()
                  + ". Nothing was captured.",
              List.of(),
              List.of(
                  new FieldError(
                      "epcisBody.eventList[" + t.eventIndex() + "]",
                      "at most " + t.limit() + " bytes")));
    };
  }

  @GetMapping("/capture/{captureId}")
  ResponseEntity<Map<String, Object>> job(Caller caller, @PathVariable String captureId) {
    UUID id;
    try {
      id = UUID.fromString(captureId);
    } catch (IllegalArgumentException e) {
      throw Problem.notFound("No capture job " + captureId + " that you may see.");
    }
    return versioned(
        capturing
            .job(caller, id)
            .map(EpcisJson::job)
            .orElseThrow(
                () -> Problem.notFound("No capture job " + captureId + " that you may see.")));
  }

  @GetMapping("/capture")
  ResponseEntity<List<Map<String, Object>>> jobs(Caller caller) {
    return versioned(capturing.jobs(caller).stream().map(EpcisJson::job).toList());
  }

  /** A 200 with the EPCIS version header the REST binding gives every capture answer. */
  private static <T> ResponseEntity<T> versioned(T body) {
    return ResponseEntity.ok().header("GS1-EPCIS-Version", EPCIS_VERSION).body(body);
  }

  @RequestMapping(value = "/capture", method = RequestMethod.OPTIONS)
  ResponseEntity<Void> discover(Caller caller) {
    HttpHeaders h = new HttpHeaders();
    h.set("Allow", "OPTIONS, POST, GET");
    h.set("GS1-EPCIS-Version", EPCIS_VERSION);
    h.set("GS1-EPCIS-Min", EPCIS_VERSION);
    h.set("GS1-EPCIS-Max", EPCIS_VERSION);
    h.set("GS1-CBV-Version", CBV_VERSION);
    h.set("GS1-CBV-Min", CBV_VERSION);
    h.set("GS1-CBV-Max", CBV_VERSION);
    h.set("GS1-EPC-Format", "Always_GS1_Digital_Link");
    h.set("GS1-EPCIS-Capture-Limit", Integer.toString(properties.maxEvents()));
    h.set("GS1-EPCIS-Capture-File-Size-Limit", Long.toString(properties.maxDocumentBytes()));
    h.set("GS1-Capture-Error-Behaviour", "rollback, proceed");
    return new ResponseEntity<>(h, HttpStatus.NO_CONTENT);
  }
}

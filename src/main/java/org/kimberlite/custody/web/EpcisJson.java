package org.kimberlite.custody.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kimberlite.custody.CaptureError;
import org.kimberlite.custody.CaptureJob;
import org.kimberlite.custody.StoredEvent;
import org.kimberlite.custody.internal.EpcisDocuments;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON shapes of the EPCIS REST binding: capture jobs and query documents. */
final class EpcisJson {
  private EpcisJson() {}

  static Map<String, Object> job(CaptureJob job) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("captureID", job.id().toString());
    out.put("createdAt", job.createdAt().toString());
    if (job.finishedAt() != null) {
      out.put("finishedAt", job.finishedAt().toString());
    }
    out.put("running", job.running());
    out.put("success", job.success());
    out.put("captureErrorBehaviour", job.behaviour().wire());
    out.put("errors", job.errors().stream().map(e -> problem(e, job)).toList());
    out.put("findings", job.findings().stream().map(e -> problem(e, job)).toList());
    out.put("eventsTotal", job.eventsTotal());
    out.put("eventsStored", job.eventsStored());
    out.put("eventsKnown", job.eventsKnown());
    return out;
  }

  /** One error of a job as an RFC 9457 problem, with the event and place at fault. */
  private static Map<String, Object> problem(CaptureError e, CaptureJob job) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "/problems/" + e.rule());
    out.put(
        "title",
        e.eventIndex() == null
            ? "The document is refused under " + e.rule()
            : "Event " + e.eventIndex() + " under " + e.rule());
    out.put("status", e.rule().equals("internal-error") ? 500 : 400);
    out.put("detail", e.detail());
    out.put("instance", "/epcis/capture/" + job.id());
    out.put("rule", e.rule());
    if (e.eventIndex() != null) {
      out.put("eventIndex", e.eventIndex());
    }
    out.put("pointer", e.pointer());
    return out;
  }

  /** An EPCISQueryDocument holding {@code events}, as they were stored. */
  static ObjectNode queryDocument(List<StoredEvent> events, Instant now) {
    ObjectNode doc = EpcisDocuments.mapper().createObjectNode();
    doc.putArray("@context").add(EpcisDocuments.CONTEXT);
    doc.put("type", "EPCISQueryDocument");
    doc.put("schemaVersion", "2.0");
    doc.put("creationDate", now.toString());
    ObjectNode results = doc.putObject("epcisBody").putObject("queryResults");
    results.put("queryName", "SimpleEventQuery");
    ArrayNode list = results.putObject("resultsBody").putArray("eventList");
    for (StoredEvent e : events) {
      list.add(event(e));
    }
    return doc;
  }

  static JsonNode event(StoredEvent e) {
    return EpcisDocuments.mapper().readTree(e.json());
  }
}

package org.kimberlite.custody.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.ConsumerTrace;
import org.kimberlite.custody.Nature;
import org.kimberlite.custody.ProvenanceTrace;

/** The JSON of provenance traces: words in lower case, absent values as null. */
final class TraceJson {
  private TraceJson() {}

  static @Nullable String nature(@Nullable Nature n) {
    return n == null ? null : n.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Map<String, Object> of(ProvenanceTrace t) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("epc", t.epc());
    body.put("nature", nature(t.nature()));
    body.put("origins", t.origins());
    body.put("mixedOrigin", t.mixedOrigin());
    body.put("certificates", t.certificates());
    body.put("direction", t.direction().name().toLowerCase(Locale.ROOT));
    body.put("truncated", t.truncated());
    body.put(
        "limits",
        Map.of(
            "maxNodes", t.limits().maxNodes(),
            "maxEvents", t.limits().maxEvents(),
            "maxDepth", t.limits().maxDepth()));
    body.put("nodes", t.nodes().stream().map(TraceJson::node).toList());
    body.put(
        "edges",
        t.edges().stream()
            .map(
                e ->
                    Map.of(
                        "from",
                        e.from(),
                        "to",
                        e.to(),
                        "eventHash",
                        e.eventHash(),
                        "kind",
                        e.kind()))
            .toList());
    body.put("hops", t.hops().stream().map(TraceJson::hop).toList());
    return body;
  }

  private static Map<String, Object> node(ProvenanceTrace.Node n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", n.id());
    m.put("kind", n.kind());
    m.put("nature", nature(n.nature()));
    m.put("carats", n.carats());
    m.put("depth", n.depth());
    return m;
  }

  private static Map<String, Object> hop(ProvenanceTrace.Hop h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("eventID", h.eventID());
    m.put("eventHash", h.eventHash());
    m.put("type", h.type());
    m.put("step", h.step());
    m.put("bizStep", h.bizStep());
    m.put("time", h.time().toString());
    m.put(
        "holder",
        Map.of(
            "id", h.holder().id().toString(),
            "name", h.holder().name(),
            "country", h.holder().country().code()));
    m.put("goods", h.goods());
    m.put("certificates", h.certificates());
    m.put("invoice", h.invoice());
    m.put("invoices", h.invoices());
    m.put("warranty", h.warranty());
    ProvenanceTrace.LogProof p = h.proof();
    if (p == null) {
      m.put("proof", null);
    } else {
      Map<String, Object> proof = new LinkedHashMap<>();
      proof.put("entryId", p.entryId().toString());
      proof.put("index", p.index());
      proof.put("leafHash", p.leafHash());
      proof.put("entry", p.entry());
      proof.put("tlogProof", p.tlogProof());
      proof.put("record", p.record());
      proof.put("salt", p.salt());
      m.put("proof", proof);
    }
    return m;
  }

  static Map<String, Object> of(ConsumerTrace c, String url) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("publicId", c.publicId());
    body.put("url", url);
    body.put("kind", c.kind());
    body.put("nature", nature(c.nature()));
    body.put("origins", c.origins());
    body.put(
        "certificates",
        c.certificates().stream()
            .map(x -> Map.of("number", x.number(), "genuine", x.genuine()))
            .toList());
    List<Map<String, Object>> steps =
        c.steps().stream()
            .map(
                s -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("step", s.step());
                  m.put("time", s.time().toString());
                  m.put("country", s.country().code());
                  m.put("eventHash", s.eventHash());
                  m.put("entryId", s.entryId().toString());
                  m.put("index", s.index());
                  return m;
                })
            .toList();
    body.put("steps", steps);
    body.put("truncated", c.truncated());
    body.put("publishedAt", c.publishedAt().toString());
    return body;
  }
}

package org.kimberlite.custody.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.TracingProvenance;
import org.kimberlite.custody.TracingProvenance.PublishOutcome;
import org.kimberlite.custody.TracingProvenance.TraceOutcome;
import org.kimberlite.platform.web.WebProperties;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provenance trace: {@code GET /api/v1/provenance?epc=…&direction=upstream|downstream|both},
 * and consumer traces: publish ({@code POST /api/v1/provenance/public}), read ({@code GET
 * /api/v1/provenance/public/{publicId}}, public) and withdraw ({@code DELETE …/{publicId}}).
 */
@RestController
class ProvenanceApi {
  private final TracingProvenance provenance;
  private final WebProperties web;

  ProvenanceApi(TracingProvenance provenance, WebProperties web) {
    this.provenance = provenance;
    this.web = web;
  }

  @GetMapping("/api/v1/provenance")
  Map<String, Object> trace(
      Caller caller,
      @RequestParam(required = false) @Nullable String epc,
      @RequestParam(required = false) @Nullable String direction,
      @RequestParam(required = false) @Nullable Integer maxNodes,
      @RequestParam(required = false) @Nullable Integer maxDepth) {
    return switch (provenance.trace(caller, epc, direction, maxNodes, maxDepth)) {
      case TraceOutcome.Found f -> TraceJson.of(f.trace());
      case TraceOutcome.NotFound n -> throw notFound();
      case TraceOutcome.Invalid i -> throw invalid(i.fields());
    };
  }

  /** The body of a publication: the goods. */
  record PublishRequest(@Nullable String epc) {}

  @PostMapping("/api/v1/provenance/public")
  ResponseEntity<Map<String, Object>> publish(
      Caller caller, @RequestBody(required = false) @Nullable PublishRequest request) {
    return switch (provenance.publish(caller, request == null ? null : request.epc())) {
      case PublishOutcome.Published p -> {
        Map<String, Object> body = new LinkedHashMap<>();
        String url = TracePages.pageUrl(web, p.publicId());
        body.put("publicId", p.publicId());
        body.put("url", url);
        body.put("qr", url + "/qr.svg");
        body.put("created", p.created());
        yield p.created()
            ? ResponseEntity.status(201)
                .header("Location", "/api/v1/provenance/public/" + p.publicId())
                .body(body)
            : ResponseEntity.ok(body);
      }
      case PublishOutcome.NotFound n -> throw notFound();
      case PublishOutcome.Invalid i -> throw invalid(Map.of(i.field(), i.message()));
      case PublishOutcome.NotConsumerGoods g ->
          throw new Problem(
              422,
              "custody/not-consumer-goods",
              "Not a polished stone or jewellery piece",
              g.detail(),
              List.of(),
              List.of());
    };
  }

  @GetMapping("/api/v1/provenance/public/{publicId}")
  Map<String, Object> published(@PathVariable String publicId) {
    return provenance
        .consumerTrace(publicId)
        .map(c -> TraceJson.of(c, TracePages.pageUrl(web, c.publicId())))
        .orElseThrow(ProvenanceApi::notFound);
  }

  @DeleteMapping("/api/v1/provenance/public/{publicId}")
  ResponseEntity<Void> withdraw(Caller caller, @PathVariable String publicId) {
    if (!provenance.withdraw(caller, publicId)) {
      throw notFound();
    }
    return ResponseEntity.noContent().build();
  }

  static Problem notFound() {
    return Problem.notFound("No provenance trace of these goods is to be had.");
  }

  static Problem invalid(Map<String, String> fields) {
    List<FieldError> errors = new java.util.ArrayList<>();
    List<String> details = new java.util.ArrayList<>();
    fields.forEach(
        (field, message) -> {
          errors.add(new FieldError(field, message));
          details.add(field + ": " + message);
        });
    return new Problem(
        400,
        "validation",
        "A parameter is not valid",
        String.join("; ", details),
        List.of(),
        errors);
  }
}

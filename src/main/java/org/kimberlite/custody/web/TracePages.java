package org.kimberlite.custody.web;

import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.ConsumerTrace;
import org.kimberlite.custody.TracingProvenance;
import org.kimberlite.custody.TracingProvenance.TraceOutcome;
import org.kimberlite.platform.web.NavItem;
import org.kimberlite.platform.web.PublicPaths;
import org.kimberlite.platform.web.WebProperties;
import org.kimberlite.registry.Caller;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pages of the provenance trace: the consumer page a retail tag's QR code opens ({@code
 * /trace/{publicId}}, public, with its QR code at {@code /trace/{publicId}/qr.svg}) and the
 * console's trace of goods drawn as a graph ({@code /console/provenance}).
 */
@Controller
class TracePages {
  private final TracingProvenance provenance;
  private final WebProperties web;

  TracePages(TracingProvenance provenance, WebProperties web) {
    this.provenance = provenance;
    this.web = web;
  }

  @Bean
  static PublicPaths custodyTracePublicPaths() {
    return PublicPaths.of("/trace/*", "/trace/*/qr.svg", "/api/v1/provenance/public/*");
  }

  @Bean
  static NavItem provenanceNav() {
    return NavItem.signedIn("nav.provenance", "/console/provenance", 40);
  }

  /** The address of a consumer trace's page. */
  static String pageUrl(WebProperties web, String publicId) {
    return web.publicUrl().replaceAll("/+$", "") + "/trace/" + publicId;
  }

  @GetMapping("/trace/{publicId}")
  String page(@PathVariable String publicId, Model model) {
    ConsumerTrace trace = provenance.consumerTrace(publicId).orElseThrow(ProvenanceApi::notFound);
    model.addAttribute("t", trace);
    model.addAttribute("nature", TraceJson.nature(trace.nature()));
    model.addAttribute("url", pageUrl(web, publicId));
    return "trace";
  }

  @GetMapping("/trace/{publicId}/qr.svg")
  ResponseEntity<String> qr(@PathVariable String publicId) {
    ConsumerTrace trace = provenance.consumerTrace(publicId).orElseThrow(ProvenanceApi::notFound);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("image/svg+xml"))
        .header("Cache-Control", "no-store")
        .body(TraceQr.svg(pageUrl(web, trace.publicId())));
  }

  @GetMapping("/console/provenance")
  String console(
      Caller caller,
      @RequestParam(required = false) @Nullable String epc,
      @RequestParam(required = false) @Nullable String direction,
      Model model) {
    model.addAttribute("epc", epc == null ? "" : epc);
    model.addAttribute("direction", direction == null ? "upstream" : direction);
    if (epc == null || epc.isBlank()) {
      return "console/provenance";
    }
    switch (provenance.trace(caller, epc, direction, null, null)) {
      case TraceOutcome.Found f -> {
        model.addAttribute("trace", f.trace());
        model.addAttribute("nature", TraceJson.nature(f.trace().nature()));
        model.addAttribute("graph", TraceGraphSvg.render(f.trace()));
      }
      case TraceOutcome.NotFound n -> throw ProvenanceApi.notFound();
      case TraceOutcome.Invalid i -> throw ProvenanceApi.invalid(i.fields());
    }
    return "console/provenance";
  }
}

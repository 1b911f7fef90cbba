package org.kimberlite.custody.web;

import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.Reconciling;
import org.kimberlite.registry.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reconciliation?organisation=&from=&to=}: an organisation's warranty
 * reconciliation (SOW-05) as JSON, or as CSV ({@code Accept: text/csv} or {@code format=csv}) or
 * PDF ({@code Accept: application/pdf} or {@code format=pdf}).
 */
@RestController
class ReconciliationApi {
  private final Reconciling reconciling;

  ReconciliationApi(Reconciling reconciling) {
    this.reconciling = reconciling;
  }

  @GetMapping("/api/v1/reconciliation")
  ResponseEntity<?> reconciliation(
      Caller caller,
      @RequestParam(required = false) @Nullable String organisation,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String format,
      @RequestHeader(value = "Accept", required = false) @Nullable String accept) {
    String form = ReconciliationDocuments.format(format, accept);
    Reconciling.Report report =
        ReconciliationDocuments.report(reconciling.report(caller, organisation, from, to));
    return form.equals("json")
        ? ResponseEntity.ok(ReconciliationDocuments.json(report))
        : ReconciliationDocuments.file(report, form);
  }
}

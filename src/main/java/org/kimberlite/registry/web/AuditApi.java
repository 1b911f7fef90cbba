package org.kimberlite.registry.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.kimberlite.registry.AuditPage;
import org.kimberlite.registry.AuditRecord;
import org.kimberlite.registry.AuditTrail;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.problem.Problem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Audit records of administrative actions, newest first: the secretariat reads all, an
 * organisation's administrators their own organisation's.
 */
@RestController
@RequestMapping("/api/v1/audit-records")
class AuditApi {
  private final AuditTrail trail;

  AuditApi(AuditTrail trail) {
    this.trail = trail;
  }

  @GetMapping
  List<AuditJson> list(
      Caller caller,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return switch (trail.read(caller, page, size)) {
      case AuditPage.Listed listed -> listed.records().stream().map(AuditJson::of).toList();
      case AuditPage.Invalid invalid -> throw Problem.invalid(invalid.field(), invalid.message());
      case AuditPage.NotAllowed n ->
          throw Problem.forbidden(
              "Audit records are read by the KP secretariat and by an organisation's"
                  + " administrators.");
    };
  }

  record AuditJson(
      UUID id,
      Instant recordedAt,
      UUID accountId,
      String username,
      UUID organisationId,
      String action,
      String subject,
      String details) {
    static AuditJson of(AuditRecord r) {
      return new AuditJson(
          r.id(),
          r.recordedAt(),
          r.accountId(),
          r.username(),
          r.organisationId(),
          r.action(),
          r.subject(),
          r.details());
    }
  }
}

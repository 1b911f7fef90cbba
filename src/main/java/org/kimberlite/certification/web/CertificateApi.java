package org.kimberlite.certification.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.CertificateRecords;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.certification.Certificates;
import org.kimberlite.certification.ConfirmRequest;
import org.kimberlite.certification.IssueRequest;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.KpRules;
import org.kimberlite.certification.OriginKind;
import org.kimberlite.certification.Violation;
import org.kimberlite.ledger.LogEntry;
import org.kimberlite.ledger.Receipt;
import org.kimberlite.ledger.TlogProof;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.problem.Problem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The certificate API: the contract outside tools rely on (field names as published). */
@RestController
@RequestMapping("/api/v1/certificates")
class CertificateApi {
  private final Certificates certificates;
  private final TransparencyLog log;

  CertificateApi(Certificates certificates, TransparencyLog log) {
    this.certificates = certificates;
    this.log = log;
  }

  record OriginBody(
      @Nullable String kind, @Nullable List<String> countries, @Nullable String zone) {}

  record IssueBody(
      @Nullable UUID exporter,
      @Nullable UUID importer,
      @Nullable String importingParticipant,
      @Nullable OriginBody origin,
      @Nullable List<IssueRequest.LineRequest> lines,
      @Nullable Integer parcels,
      @Nullable String sealId,
      @Nullable LocalDate issuedOn,
      @Nullable LocalDate expiresOn,
      @Nullable String number) {

    IssueRequest toRequest() {
      OriginKind kind = null;
      if (origin != null && origin.kind() != null) {
        try {
          kind = OriginKind.valueOf(origin.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw Certificates.refused(
              List.of(new Violation("KP-04", "origin.kind", "use single, mixed or listed")));
        }
      }
      return new IssueRequest(
          exporter,
          importer,
          importingParticipant,
          kind,
          origin == null || origin.countries() == null ? List.of() : origin.countries(),
          origin == null ? null : origin.zone(),
          lines == null ? List.of() : lines,
          parcels,
          sealId,
          issuedOn,
          expiresOn,
          number);
    }
  }

  @PostMapping
  ResponseEntity<CertificateJson> issue(Caller caller, @RequestBody IssueBody body) {
    Certificates.Issued issued = certificates.issue(caller, body.toRequest());
    KpCertificate c = issued.certificate();
    return ResponseEntity.created(URI.create("/api/v1/certificates/" + c.number()))
        .body(CertificateJson.of(c, logJson(issued.receipt()), issued.flags()));
  }

  /** Checks a draft against KP-01 to KP-11 without issuing it. */
  @PostMapping("/validation")
  Map<String, Object> validate(Caller caller, @RequestBody IssueBody body) {
    KpRules.Decision d = certificates.check(caller, body.toRequest());
    return Map.of(
        "valid", d.accepted(),
        "violations", d.violations().stream().map(CertificateJson.FlagJson::of).toList(),
        "flags", d.flags().stream().map(CertificateJson.FlagJson::of).toList());
  }

  @GetMapping("/{number}")
  CertificateJson get(Caller caller, @PathVariable String number) {
    KpCertificate c = certificates.get(caller, number);
    return CertificateJson.of(c, issueEntry(number, caller), List.of());
  }

  @GetMapping
  List<CertificateJson> list(
      Caller caller,
      @RequestParam(required = false) @Nullable CertificateStatus status,
      @RequestParam(required = false) @Nullable String participant,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      @RequestParam(defaultValue = "outgoing") String direction,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    boolean incoming =
        switch (direction) {
          case "incoming" -> true;
          case "outgoing" -> false;
          default -> throw Problem.invalid("direction", "outgoing or incoming");
        };
    return certificates.list(caller, incoming, status, participant, from, to, page, size).stream()
        .map(c -> CertificateJson.of(c, null, List.of()))
        .toList();
  }

  @PostMapping("/{number}/confirmation")
  CertificateJson confirm(
      Caller caller, @PathVariable String number, @RequestBody ConfirmRequest body) {
    Certificates.Changed changed = certificates.confirm(caller, number, body);
    return CertificateJson.of(changed.certificate(), logJson(changed.receipt()), changed.flags());
  }

  record CancelBody(@Nullable String reason) {}

  @PostMapping("/{number}/cancellation")
  CertificateJson cancel(Caller caller, @PathVariable String number, @RequestBody CancelBody body) {
    Certificates.Changed changed =
        certificates.cancel(caller, number, body.reason() == null ? "" : body.reason());
    return CertificateJson.of(changed.certificate(), logJson(changed.receipt()), List.of());
  }

  @DeleteMapping("/{number}")
  ResponseEntity<Void> delete(Caller caller, @PathVariable String number) {
    certificates.delete(caller, number);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{number}/history")
  List<Map<String, Object>> history(Caller caller, @PathVariable String number) {
    return certificates.history(caller, number).stream()
        .map(
            e ->
                Map.<String, Object>of(
                    "status", e.status().name(),
                    "effectiveOn", e.effectiveOn().toString(),
                    "details", e.details(),
                    "recordedAt", e.recordedAt().toString()))
        .toList();
  }

  @GetMapping("/{number}/findings")
  List<Map<String, Object>> findings(Caller caller, @PathVariable String number) {
    return certificates.findings(caller, number).stream()
        .map(
            f ->
                Map.<String, Object>of(
                    "rule", f.rule(), "detail", f.detail(), "raisedAt", f.raisedAt().toString()))
        .toList();
  }

  /** The tlog-proof of the certificate's issue entry (public: the log itself is public). */
  @GetMapping("/{number}/proof")
  ResponseEntity<String> proof(@PathVariable String number) {
    List<LogEntry> entries = log.entriesOfRecord(CertificateRecords.CERTIFICATE, number, null);
    if (entries.isEmpty()) {
      throw Problem.notFound("No certificate " + number + " in the log.");
    }
    TlogProof proof =
        log.proof(entries.get(0).entryId())
            .orElseThrow(
                () ->
                    new Problem(
                        409,
                        "ledger/not-yet-integrated",
                        "Not yet in the log",
                        "The certificate's entry waits for the integrator (about a second).",
                        List.of(),
                        List.of()));
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(proof.format());
  }

  private CertificateJson.@Nullable LogJson issueEntry(String number, Caller caller) {
    List<LogEntry> entries =
        log.entriesOfRecord(CertificateRecords.CERTIFICATE, number, caller.organisationId());
    if (entries.isEmpty()) {
      return null;
    }
    LogEntry e = entries.get(0);
    return new CertificateJson.LogJson(
        e.entryId(), e.index(), Base64.getEncoder().encodeToString(e.leafHash()));
  }

  /** The receipt, with the index once the integrator placed it (normally within milliseconds). */
  private CertificateJson.LogJson logJson(Receipt receipt) {
    Long index = null;
    for (int i = 0; i < 100 && index == null; i++) {
      index = log.entry(receipt.entryId(), null).map(LogEntry::index).orElse(null);
      if (index == null) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return new CertificateJson.LogJson(
        receipt.entryId(), index, Base64.getEncoder().encodeToString(receipt.leafHash()));
  }
}

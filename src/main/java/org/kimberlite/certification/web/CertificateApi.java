package org.kimberlite.certification.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.CancellingCertificates;
import org.kimberlite.certification.CertificateRecords;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.certification.Changed;
import org.kimberlite.certification.CheckOutcome;
import org.kimberlite.certification.ConfirmRequest;
import org.kimberlite.certification.ConfirmingImports;
import org.kimberlite.certification.IssueRequest;
import org.kimberlite.certification.Issued;
import org.kimberlite.certification.IssuingCertificates;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.KpRules;
import org.kimberlite.certification.NotAllowed;
import org.kimberlite.certification.OriginKind;
import org.kimberlite.certification.ReadingCertificates;
import org.kimberlite.certification.Refused;
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
  /** The longest a client may ask the issue to wait for the log's index. */
  static final Duration MAX_WAIT = Duration.ofSeconds(10);

  private final IssuingCertificates issuing;
  private final ConfirmingImports confirming;
  private final CancellingCertificates cancelling;
  private final ReadingCertificates certificates;
  private final TransparencyLog log;

  CertificateApi(
      IssuingCertificates issuing,
      ConfirmingImports confirming,
      CancellingCertificates cancelling,
      ReadingCertificates certificates,
      TransparencyLog log) {
    this.issuing = issuing;
    this.confirming = confirming;
    this.cancelling = cancelling;
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
          throw CertificateProblems.refused(
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

  /**
   * Issues a certificate and answers at once with its log receipt (entry id and leaf hash; the
   * index comes with the proof once integrated). With {@code ?wait=1s} (at most 10 s) the answer
   * waits, without holding a thread, until the entry has its index or the time is up.
   */
  @ApiResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = CertificateJson.class)))
  @PostMapping
  Object issue(
      Caller caller,
      @RequestBody IssueBody body,
      @RequestParam(required = false) @Nullable String wait) {
    Duration patience = patience(wait);
    Issued issued =
        switch (issuing.issue(caller, body.toRequest())) {
          case Issued i -> i;
          case Refused r -> throw CertificateProblems.refused(r.violations());
          case NotAllowed n -> throw CertificateProblems.notAllowed(n);
        };
    KpCertificate c = issued.certificate();
    Receipt receipt = issued.receipt();
    if (patience.isZero()) {
      return created(c, receipt, Optional.empty(), issued.flags());
    }
    return log.whenIntegrated(receipt.entryId(), patience)
        .thenApply(i -> created(c, receipt, i, issued.flags()));
  }

  private static ResponseEntity<CertificateJson> created(
      KpCertificate c, Receipt receipt, Optional<Long> i, List<Violation> flags) {
    return ResponseEntity.created(URI.create("/api/v1/certificates/" + c.number()))
        .body(
            CertificateJson.of(
                c,
                new CertificateJson.LogJson(
                    receipt.entryId(),
                    i.orElse(null),
                    Base64.getEncoder().encodeToString(receipt.leafHash())),
                flags));
  }

  /** {@code wait} as a duration: "1s", "500ms" or ISO-8601 ("PT1S"), from 0 to 10 s. */
  static Duration patience(@Nullable String wait) {
    if (wait == null || wait.isBlank()) {
      return Duration.ZERO;
    }
    String w = wait.strip().toLowerCase(Locale.ROOT);
    Duration d;
    try {
      if (w.matches("[0-9]{1,6}ms")) {
        d = Duration.ofMillis(Long.parseLong(w.substring(0, w.length() - 2)));
      } else if (w.matches("[0-9]{1,6}s")) {
        d = Duration.ofSeconds(Long.parseLong(w.substring(0, w.length() - 1)));
      } else {
        d = Duration.parse(w.toUpperCase(Locale.ROOT));
      }
    } catch (java.time.format.DateTimeParseException e) {
      throw Problem.invalid("wait", "a duration such as 1s or 500ms, at most 10s");
    }
    if (d.isNegative() || d.compareTo(MAX_WAIT) > 0) {
      throw Problem.invalid("wait", "a duration such as 1s or 500ms, at most 10s");
    }
    return d;
  }

  /** Checks a draft against KP-01 to KP-11 without issuing it. */
  @PostMapping("/validation")
  Map<String, Object> validate(Caller caller, @RequestBody IssueBody body) {
    KpRules.Decision d =
        switch (issuing.check(caller, body.toRequest())) {
          case CheckOutcome.Checked checked -> checked.decision();
          case NotAllowed n -> throw CertificateProblems.notAllowed(n);
        };
    return Map.of(
        "valid", d.accepted(),
        "violations", d.violations().stream().map(CertificateJson.FlagJson::of).toList(),
        "flags", d.flags().stream().map(CertificateJson.FlagJson::of).toList());
  }

  @GetMapping("/{number}")
  CertificateJson get(Caller caller, @PathVariable String number) {
    KpCertificate c =
        certificates.get(caller, number).orElseThrow(() -> CertificateProblems.notFound(number));
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
    return CertificateProblems.listed(
            certificates.list(caller, incoming, status, participant, from, to, page, size))
        .stream()
        .map(c -> CertificateJson.of(c, null, List.of()))
        .toList();
  }

  @PostMapping("/{number}/confirmation")
  CertificateJson confirm(
      Caller caller, @PathVariable String number, @RequestBody ConfirmRequest body) {
    Changed changed = CertificateProblems.changed(confirming.confirm(caller, number, body));
    return CertificateJson.of(
        changed.certificate(), receiptJson(changed.receipt()), changed.flags());
  }

  record CancelBody(@Nullable String reason) {}

  @PostMapping("/{number}/cancellation")
  CertificateJson cancel(Caller caller, @PathVariable String number, @RequestBody CancelBody body) {
    Changed changed =
        CertificateProblems.changed(
            cancelling.cancel(caller, number, body.reason() == null ? "" : body.reason()));
    return CertificateJson.of(changed.certificate(), receiptJson(changed.receipt()), List.of());
  }

  @DeleteMapping("/{number}")
  ResponseEntity<Void> delete(Caller caller, @PathVariable String number) {
    throw CertificateProblems.deleteProblem(certificates.delete(caller, number));
  }

  @GetMapping("/{number}/history")
  List<Map<String, Object>> history(Caller caller, @PathVariable String number) {
    return certificates
        .history(caller, number)
        .orElseThrow(() -> CertificateProblems.notFound(number))
        .stream()
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
    return certificates
        .findings(caller, number)
        .orElseThrow(() -> CertificateProblems.notFound(number))
        .stream()
        .map(
            f ->
                Map.<String, Object>of(
                    "rule", f.rule(), "detail", f.detail(), "raisedAt", f.raisedAt().toString()))
        .toList();
  }

  /** The tlog-proof of the certificate's issue entry (public: the log itself is public). */
  @ApiResponse(
      responseCode = "200",
      description = "The tlog-proof (c2sp.org/tlog-proof)",
      content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
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

  /** The receipt as the log gave it: no index yet (the proof endpoint has it once integrated). */
  private static CertificateJson.LogJson receiptJson(Receipt receipt) {
    return new CertificateJson.LogJson(
        receipt.entryId(), null, Base64.getEncoder().encodeToString(receipt.leafHash()));
  }
}

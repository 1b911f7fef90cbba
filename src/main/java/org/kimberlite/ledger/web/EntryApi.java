package org.kimberlite.ledger.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.ledger.LogEntry;
import org.kimberlite.ledger.TlogProof;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.platform.security.OrganisationPrincipal;
import org.kimberlite.shared.problem.Problem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Entries and proofs for users: the public entry of any record, its C2SP tlog-proof, and the record
 * with its salt for the organisations allowed to see them.
 */
@RestController
@RequestMapping("/api/v1/log")
class EntryApi {
  private final TransparencyLog log;

  EntryApi(TransparencyLog log) {
    this.log = log;
  }

  private static @Nullable UUID viewer() {
    return OrganisationPrincipal.current().map(OrganisationPrincipal::organisationId).orElse(null);
  }

  @GetMapping("/entries/{id}")
  EntryJson entry(@PathVariable UUID id) {
    return log.entry(id, viewer())
        .map(EntryJson::of)
        .orElseThrow(() -> Problem.notFound("No log entry " + id + "."));
  }

  @GetMapping("/records/{type}/{recordId}/entries")
  List<EntryJson> ofRecord(@PathVariable String type, @PathVariable String recordId) {
    return log.entriesOfRecord(type, recordId, viewer()).stream().map(EntryJson::of).toList();
  }

  /** The entry's C2SP tlog-proof ({@code c2sp.org/tlog-proof@v1}) against the latest checkpoint. */
  @ApiResponse(
      responseCode = "200",
      description = "The tlog-proof (c2sp.org/tlog-proof)",
      content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
  @GetMapping("/entries/{id}/proof")
  ResponseEntity<String> proof(@PathVariable UUID id) {
    TlogProof proof;
    try {
      proof =
          log.proof(id)
              .orElseThrow(
                  () ->
                      new Problem(
                          409,
                          "ledger/not-yet-integrated",
                          "Not yet in the log",
                          "The entry is committed and waits for the integrator (about a second).",
                          List.of(),
                          List.of()));
    } catch (TransparencyLog.UnknownEntryException e) {
      throw Problem.notFound(e.getMessage());
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .header("Content-Disposition", "inline; filename=\"" + id + ".tlog-proof\"")
        .body(proof.format());
  }

  record EntryJson(
      UUID entryId,
      String type,
      String recordId,
      String issuer,
      Instant time,
      @Nullable Long index,
      String leafHash,
      String entry,
      @Nullable String record,
      @Nullable String salt) {
    static EntryJson of(LogEntry e) {
      byte[] salt = e.salt();
      return new EntryJson(
          e.entryId(),
          e.type(),
          e.recordId(),
          e.issuer(),
          e.time(),
          e.index(),
          Base64.getEncoder().encodeToString(e.leafHash()),
          new String(e.data(), StandardCharsets.UTF_8),
          e.recordJson(),
          salt == null ? null : Base64.getEncoder().encodeToString(salt));
    }
  }
}

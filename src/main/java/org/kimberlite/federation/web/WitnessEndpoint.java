package org.kimberlite.federation.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.kimberlite.federation.AddCheckpointRequest;
import org.kimberlite.federation.Witness;
import org.kimberlite.federation.WitnessDecision;
import org.kimberlite.ledger.NoteSignature;
import org.kimberlite.platform.web.BodyLimit;
import org.kimberlite.platform.web.PublicPaths;
import org.kimberlite.shared.problem.Problem;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The C2SP tlog-witness submission endpoint, {@code POST /add-checkpoint} (the node's base URL is
 * the submission prefix). Open to anyone: a request is authenticated by the log's signature on its
 * checkpoint, as the spec says. 200 with the cosignature line, 400 malformed, 403 bad signature,
 * 404 unknown origin, 409 with the size cosigned last ({@code text/x.tlog.size}), 422 not shown to
 * be consistent. Not in the OpenAPI document (which covers {@code /api/v1}); docs/federation.md
 * describes it.
 */
@RestController
class WitnessEndpoint {
  static final String PATH = "/add-checkpoint";
  static final MediaType TLOG_SIZE = new MediaType("text", "x.tlog.size");
  private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

  private final Witness witness;

  WitnessEndpoint(Witness witness) {
    this.witness = witness;
  }

  @Bean
  static PublicPaths federationPublicPaths() {
    return PublicPaths.of(FederationApi.BASE + "/witness").withOpenPosts(PATH);
  }

  @Bean
  static BodyLimit addCheckpointBodyLimit() {
    return new BodyLimit(PATH, AddCheckpointRequest.MAX_BODY_BYTES);
  }

  @PostMapping(PATH)
  ResponseEntity<String> addCheckpoint(@RequestBody(required = false) byte[] body) {
    return switch (witness.addCheckpoint(body == null ? new byte[0] : body)) {
      case WitnessDecision.Cosigned c ->
          ResponseEntity.ok().contentType(TEXT).body(lines(c.cosignatures()));
      case WitnessDecision.SizeMismatch m ->
          ResponseEntity.status(409).contentType(TLOG_SIZE).body(m.latestSize() + "\n");
      case WitnessDecision.Malformed m ->
          throw problem(
              400, "federation/malformed-checkpoint-request", "Malformed request", m.reason());
      case WitnessDecision.BadSignature b ->
          throw problem(
              403,
              "federation/bad-log-signature",
              "The log's signature does not verify",
              b.reason());
      case WitnessDecision.UnknownOrigin u ->
          throw problem(
              404,
              "federation/unknown-log",
              "Not a log this node witnesses",
              "This node witnesses no log with origin " + u.origin() + ".");
      case WitnessDecision.Inconsistent i ->
          throw problem(
              422,
              i.evidence() == null ? "federation/inconsistent-checkpoint" : "federation/split-view",
              "Not consistent with the checkpoint cosigned last",
              i.reason());
    };
  }

  private static String lines(List<NoteSignature> cosignatures) {
    StringBuilder b = new StringBuilder();
    cosignatures.forEach(s -> b.append(s.line()));
    return b.toString();
  }

  private static Problem problem(int status, String type, String title, String detail) {
    return new Problem(status, type, title, detail, List.of(), List.of());
  }
}

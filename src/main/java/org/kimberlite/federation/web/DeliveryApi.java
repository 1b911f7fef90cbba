package org.kimberlite.federation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.federation.Exchange;
import org.kimberlite.federation.IncomingCertificate;
import org.kimberlite.federation.IncomingDeliveries;
import org.kimberlite.federation.OutboxEntry;
import org.kimberlite.federation.ReceiveOutcome;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The certificate exchange (docs/federation.md): deliveries from other nodes, authenticated by
 * their RFC 9421 signature rather than a token; this node's outbox for its operator; the
 * certificates delivered here for the importing authority.
 */
@RestController
@RequestMapping("/api/v1/federation")
class DeliveryApi {
  private static final int MAX_LIMIT = 500;

  private final IncomingDeliveries incoming;
  private final Exchange exchange;

  DeliveryApi(IncomingDeliveries incoming, Exchange exchange) {
    this.incoming = incoming;
    this.exchange = exchange;
  }

  @Operation(
      summary = "Receive a certificate delivery from another node",
      description =
          "Signed with RFC 9421 HTTP message signatures (Signature-Input, Signature: ed25519,"
              + " covering @method, @target-uri and content-digest, keyid = the sending node's"
              + " key id in the directory) and an RFC 9530 Content-Digest (sha-256). Idempotent:"
              + " the same delivery or certificate again answers 200 and changes nothing.")
  @ApiResponse(responseCode = "201", description = "Verified and kept as incoming")
  @ApiResponse(responseCode = "200", description = "Received before; nothing changed")
  @ApiResponse(responseCode = "400", description = "The Content-Digest is not the body's")
  @ApiResponse(responseCode = "401", description = "Not signed by a valid key of a listed node")
  @ApiResponse(responseCode = "404", description = "This server is a single node")
  @ApiResponse(responseCode = "409", description = "Another certificate under this number")
  @ApiResponse(responseCode = "422", description = "The delivery does not verify")
  @ApiResponse(responseCode = "503", description = "This node holds no directory yet")
  @PostMapping(path = "/deliveries", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<IncomingCertificate> receive(
      @RequestHeader(name = "Signature-Input", required = false) @Nullable String signatureInput,
      @RequestHeader(name = "Signature", required = false) @Nullable String signature,
      @RequestHeader(name = "Content-Digest", required = false) @Nullable String contentDigest,
      @RequestBody byte[] body) {
    return switch (incoming.receive(
        new IncomingDeliveries.SignedRequest(signatureInput, signature, contentDigest, body))) {
      case ReceiveOutcome.Accepted a -> ResponseEntity.status(201).body(a.certificate());
      case ReceiveOutcome.AlreadyReceived a -> ResponseEntity.ok(a.certificate());
      case ReceiveOutcome.NotFederated n ->
          throw Problem.notFound("This server is a single node, in no federation.");
      case ReceiveOutcome.NotReady n ->
          throw new Problem(
              503, "federation/not-ready", "Not ready", n.detail(), List.of(), List.of());
      case ReceiveOutcome.Refused r ->
          throw new Problem(
              r.status(),
              r.type(),
              "The delivery is refused",
              r.detail(),
              List.of(),
              r.field() == null ? List.of() : List.of(new FieldError(r.field(), r.detail())));
    };
  }

  @Operation(summary = "This node's outbox: deliveries to other nodes and their attempts")
  @ApiResponse(responseCode = "200", description = "Newest first")
  @ApiResponse(responseCode = "403", description = "Only the secretariat and KP authorities")
  @GetMapping("/outbox")
  List<OutboxEntry> outbox(
      Caller caller,
      @Parameter(description = "How many, 1 to 500 (100)") @RequestParam(required = false)
          @Nullable String limit) {
    if (!caller.admin()) {
      throw Problem.forbidden("Only an administrator reads the outbox.");
    }
    return exchange
        .outbox(caller, MAX_LIMIT)
        .map(list -> list.subList(0, Math.min(list.size(), limit(limit))))
        .orElseThrow(
            () -> Problem.forbidden("Only the secretariat and KP authorities read the outbox."));
  }

  @Operation(summary = "Certificates other nodes delivered for this node's participants")
  @ApiResponse(responseCode = "200", description = "Newest first")
  @ApiResponse(responseCode = "403", description = "Only the secretariat and KP authorities")
  @GetMapping("/incoming")
  List<IncomingCertificate> incoming(
      Caller caller,
      @Parameter(description = "How many, 1 to 500 (100)") @RequestParam(required = false)
          @Nullable String limit) {
    return incoming
        .incoming(caller, MAX_LIMIT)
        .map(list -> list.subList(0, Math.min(list.size(), limit(limit))))
        .orElseThrow(
            () ->
                Problem.forbidden(
                    "Only the secretariat and KP authorities read incoming certificates."));
  }

  private static int limit(@Nullable String text) {
    if (text == null) {
      return 100;
    }
    try {
      int n = Integer.parseInt(text);
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // named below
    }
    throw Problem.badParameter("limit", "must be a whole number from 1 to " + MAX_LIMIT);
  }
}

package org.kimberlite.federation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.ConfirmRequest;
import org.kimberlite.certification.Violation;
import org.kimberlite.federation.ConfirmingIncoming;
import org.kimberlite.federation.Exchange;
import org.kimberlite.federation.IncomingCertificate;
import org.kimberlite.federation.IncomingConfirmation;
import org.kimberlite.federation.IncomingDeliveries;
import org.kimberlite.federation.OutboxEntry;
import org.kimberlite.federation.ReceiveOutcome;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The certificate exchange (docs/federation.md): deliveries from other nodes, authenticated by
 * their RFC 9421 signature rather than a token; this node's outbox for its operator; the
 * certificates delivered here for the importing authority, and its confirmation of them.
 */
@RestController
@RequestMapping("/api/v1/federation")
class DeliveryApi {
  private static final int MAX_LIMIT = 500;

  private final IncomingDeliveries incoming;
  private final ConfirmingIncoming confirming;
  private final Exchange exchange;

  DeliveryApi(IncomingDeliveries incoming, ConfirmingIncoming confirming, Exchange exchange) {
    this.incoming = incoming;
    this.confirming = confirming;
    this.exchange = exchange;
  }

  @Operation(
      summary = "Receive a certificate delivery from another node",
      description =
          "Signed with RFC 9421 HTTP message signatures (Signature-Input, Signature: ed25519,"
              + " covering @method, @target-uri and content-digest, keyid = the sending node's"
              + " key id in the directory) and an RFC 9530 Content-Digest (sha-256). Idempotent:"
              + " the same delivery or certificate again answers 200 and changes nothing. A"
              + " confirmation (kind CONFIRMED) travels the other way, from the importing node back"
              + " to the node that issued the certificate.")
  @ApiResponse(
      responseCode = "201",
      description =
          "Verified and kept as incoming (a certificate), or recorded in the certificate's"
              + " lifecycle (a confirmation sent back)")
  @ApiResponse(responseCode = "200", description = "Received before; nothing changed")
  @ApiResponse(responseCode = "400", description = "The Content-Digest is not the body's")
  @ApiResponse(responseCode = "401", description = "Not signed by a valid key of a listed node")
  @ApiResponse(responseCode = "404", description = "This server is a single node")
  @ApiResponse(responseCode = "409", description = "Another certificate under this number")
  @ApiResponse(
      responseCode = "422",
      description =
          "The delivery does not verify, shows a split view of the sender's log, or is a"
              + " confirmation the certificate's lifecycle refuses")
  @ApiResponse(responseCode = "503", description = "This node holds no directory yet")
  @PostMapping(path = "/deliveries", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> receive(
      @RequestHeader(name = "Signature-Input", required = false) @Nullable String signatureInput,
      @RequestHeader(name = "Signature", required = false) @Nullable String signature,
      @RequestHeader(name = "Content-Digest", required = false) @Nullable String contentDigest,
      @RequestBody byte[] body) {
    return switch (incoming.receive(
        new IncomingDeliveries.SignedRequest(signatureInput, signature, contentDigest, body))) {
      case ReceiveOutcome.Accepted a -> ResponseEntity.status(201).body(a.certificate());
      case ReceiveOutcome.AlreadyReceived a -> ResponseEntity.ok(a.certificate());
      case ReceiveOutcome.ConfirmationAccepted a ->
          ResponseEntity.status(201).body(a.confirmation());
      case ReceiveOutcome.ConfirmationAlreadyReceived a -> ResponseEntity.ok(a.confirmation());
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

  /** A confirmation as recorded on this node, with the flags it raised. */
  record ConfirmationJson(IncomingCertificate certificate, List<Violation> flags) {}

  @Operation(
      summary = "Confirm the import of a certificate another node delivered",
      description =
          "The importing participant's KP authority quotes the shipment in hand, as for a"
              + " certificate issued on this node (KP-05, KP-07, KP-08; KP-09 flags another seal)."
              + " The confirmation is signed with the authority's key, committed to this node's"
              + " log and delivered back to the exporting node.")
  @ApiResponse(responseCode = "200", description = "Confirmed; on its way back")
  @ApiResponse(responseCode = "400", description = "The body cannot be read")
  @ApiResponse(responseCode = "403", description = "Only a KP authority confirms")
  @ApiResponse(
      responseCode = "404",
      description = "No incoming certificate of that number for the caller, or a single node")
  @ApiResponse(responseCode = "422", description = "Refused under KP rules (type: the rule)")
  @PostMapping(
      path = "/incoming/{number}/confirmation",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ConfirmationJson confirm(
      Caller caller,
      @Parameter(description = "The certificate's number") @PathVariable String number,
      @RequestBody ConfirmRequest body) {
    return switch (confirming.confirm(caller, number, body)) {
      case IncomingConfirmation.Confirmed c -> new ConfirmationJson(c.certificate(), c.flags());
      case IncomingConfirmation.Refused r -> throw refused(r.violations());
      case IncomingConfirmation.NotFound n ->
          throw Problem.notFound("No incoming certificate " + n.number() + " that you may see.");
      case IncomingConfirmation.NotAllowed n -> throw Problem.forbidden(n.reason());
      case IncomingConfirmation.NotFederated n ->
          throw Problem.notFound("This server is a single node, in no federation.");
    };
  }

  /** 422 naming every KP rule broken, typed by the rule when one is at fault. */
  private static Problem refused(List<Violation> violations) {
    List<String> rules = violations.stream().map(Violation::rule).distinct().sorted().toList();
    return new Problem(
        422,
        rules.size() == 1 ? rules.get(0) : "kp-rules",
        "Refused under " + String.join(", ", rules),
        violations.stream()
            .map(v -> v.rule() + ": " + v.message())
            .collect(Collectors.joining("; ")),
        rules,
        violations.stream()
            .map(v -> new FieldError(v.field(), v.rule() + ": " + v.message()))
            .toList());
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

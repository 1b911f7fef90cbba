package org.kimberlite.federation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.federation.FederatedStatistics;
import org.kimberlite.federation.GlobalFigures;
import org.kimberlite.federation.IncomingDeliveries;
import org.kimberlite.federation.OperatorView;
import org.kimberlite.federation.PullOutcome;
import org.kimberlite.federation.StatisticsOutcome;
import org.kimberlite.federation.StatisticsPublishing;
import org.kimberlite.platform.web.PublicPaths;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.shared.problem.Problem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Statistics across nodes (docs/federation.md): this node's signed statistics documents, made on
 * demand and fetched by the secretariat's node with an RFC 9421 signed request; and the global
 * figures the secretariat's node assembles from every node's documents.
 */
@RestController
@RequestMapping("/api/v1/federation/statistics")
class StatisticsExchangeApi {
  private static final int MIN_YEAR = 2000;
  private static final int MAX_YEAR = 2999;
  private static final String SINGLE = "This server is a single node, in no federation.";
  static final String SECRETARIAT_ONLY = "Only the KP secretariat reads the global figures.";
  static final String NOT_ASSEMBLED = "This node does not assemble the global figures.";

  private final StatisticsPublishing publishing;
  private final FederatedStatistics federated;

  StatisticsExchangeApi(StatisticsPublishing publishing, FederatedStatistics federated) {
    this.publishing = publishing;
    this.federated = federated;
  }

  /** The documents' endpoint takes no token: its request is signed by the fetching node. */
  @Configuration(proxyBeanMethods = false)
  static class Paths {
    @Bean
    PublicPaths federationStatisticsPaths() {
      return PublicPaths.of(StatisticsPublishing.DOCUMENTS);
    }
  }

  @Operation(
      summary = "This node's statistics documents of a year, for the secretariat's node",
      description =
          "The latest version of each document of the year, with its log record, salt, entry and"
              + " C2SP tlog-proof. Only for a request signed with RFC 9421 HTTP message signatures"
              + " (covering @method, @target-uri and the content-digest of the empty body) by a"
              + " valid key of the node the directory lists with the operator 'secretariat'.")
  @ApiResponse(responseCode = "200", description = "The documents")
  @ApiResponse(responseCode = "400", description = "The year is not a year")
  @ApiResponse(responseCode = "401", description = "Not signed by a valid key of a listed node")
  @ApiResponse(responseCode = "403", description = "Signed by a node that is not the secretariat's")
  @ApiResponse(responseCode = "404", description = "This server is a single node")
  @ApiResponse(responseCode = "503", description = "This node holds no directory yet")
  @GetMapping(path = "/documents", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> documents(
      @Parameter(description = "The year, 2000 to 2999") @RequestParam(required = false)
          @Nullable String year,
      @RequestHeader(name = "Signature-Input", required = false) @Nullable String signatureInput,
      @RequestHeader(name = "Signature", required = false) @Nullable String signature,
      @RequestHeader(name = "Content-Digest", required = false) @Nullable String contentDigest) {
    if (!publishing.enabled()) {
      throw Problem.notFound(SINGLE);
    }
    int y = year(year);
    return switch (publishing.serve(
        new IncomingDeliveries.SignedRequest(signatureInput, signature, contentDigest, new byte[0]),
        y)) {
      case PullOutcome.Served s ->
          ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(s.json());
      case PullOutcome.NotFederated n -> throw Problem.notFound(SINGLE);
      case PullOutcome.NotReady n ->
          throw new Problem(
              503, "federation/not-ready", "Not ready", n.detail(), List.of(), List.of());
      case PullOutcome.Refused r ->
          throw new Problem(
              r.status(), r.type(), "The request is refused", r.detail(), List.of(), List.of());
    };
  }

  @Operation(
      summary = "Make this node's statistics documents of a year now",
      description =
          "For each participant the caller may ask for (the secretariat: every participant this"
              + " node serves; a KP authority: its own, when this node serves it), a signed"
              + " document of the year's trade and production, committed to the log; a new"
              + " version only when the figures changed since the latest.")
  @ApiResponse(responseCode = "200", description = "The documents of the year")
  @ApiResponse(responseCode = "400", description = "The year is not a year")
  @ApiResponse(responseCode = "403", description = "Not the secretariat or a served authority")
  @ApiResponse(responseCode = "404", description = "This server is a single node")
  @PostMapping("/{year}/documents")
  List<StatisticsOutcome.Made.Document> make(Caller caller, @PathVariable String year) {
    if (!caller.hasAny(OrganisationRole.KP_SECRETARIAT, OrganisationRole.KP_AUTHORITY)) {
      throw Problem.forbidden("Only the secretariat and KP authorities make statistics documents.");
    }
    if (!publishing.enabled()) {
      throw Problem.notFound(SINGLE);
    }
    int y = year(year);
    return switch (publishing.make(caller, y)) {
      case StatisticsOutcome.Made m -> m.documents();
      case StatisticsOutcome.NotAllowed n -> throw Problem.forbidden(n.detail());
      case StatisticsOutcome.NotFederated n -> throw Problem.notFound(n.detail());
    };
  }

  @Operation(
      summary = "The global figures of a year, assembled from every node's documents",
      description =
          "On the secretariat's node: each participant's trade and production from the latest"
              + " verified document of the node serving it, and the mirror analysis (STAT-02)"
              + " across nodes, with the state of fetching from each node.")
  @ApiResponse(responseCode = "200", description = "The global figures")
  @ApiResponse(responseCode = "400", description = "The year is not a year")
  @ApiResponse(responseCode = "403", description = "Only the KP secretariat")
  @ApiResponse(responseCode = "404", description = "Not the secretariat's node")
  @GetMapping("/{year}")
  GlobalFigures figures(Caller caller, @PathVariable String year) {
    if (!caller.has(OrganisationRole.KP_SECRETARIAT)) {
      throw Problem.forbidden(SECRETARIAT_ONLY);
    }
    if (!federated.assembles()) {
      throw Problem.notFound(NOT_ASSEMBLED);
    }
    return switch (federated.figures(caller, year(year))) {
      case OperatorView.Shown<GlobalFigures> shown -> shown.value();
      case OperatorView.NotAllowed<GlobalFigures> n -> throw Problem.forbidden(SECRETARIAT_ONLY);
    };
  }

  /** {@code text} as a year from 2000 to 2999, or the problem naming the parameter. */
  static int year(@Nullable String text) {
    if (text != null && text.length() == 4) {
      try {
        int y = Integer.parseInt(text);
        if (y >= MIN_YEAR && y <= MAX_YEAR) {
          return y;
        }
      } catch (NumberFormatException e) {
        // named below
      }
    }
    throw Problem.badParameter("year", "must be a year from " + MIN_YEAR + " to " + MAX_YEAR);
  }
}

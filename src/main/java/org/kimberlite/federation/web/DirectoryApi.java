package org.kimberlite.federation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.kimberlite.federation.Directories;
import org.kimberlite.federation.NodeIdentity;
import org.kimberlite.federation.PublishOutcome;
import org.kimberlite.platform.web.PublicPaths;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.problem.Problem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * This node's identity and the federation directory (docs/federation.md): public to read, published
 * by the secretariat on the secretariat's node.
 */
@RestController
@RequestMapping("/api/v1/federation")
class DirectoryApi {
  static final MediaType JOSE = MediaType.parseMediaType("application/jose");

  private final Directories directories;

  DirectoryApi(Directories directories) {
    this.directories = directories;
  }

  @Configuration(proxyBeanMethods = false)
  static class Paths {
    @Bean
    PublicPaths federationExchangePaths() {
      return PublicPaths.of("/api/v1/federation/node", "/api/v1/federation/directory")
          .withOpenPosts("/api/v1/federation/deliveries");
    }
  }

  @Operation(summary = "This node: its id, URL, transport key and log, for the directory")
  @ApiResponse(responseCode = "200", description = "This node's identity")
  @ApiResponse(responseCode = "404", description = "This server is a single node, in no federation")
  @GetMapping("/node")
  NodeIdentity node() {
    return directories
        .identity()
        .orElseThrow(() -> Problem.notFound("This server is a single node, in no federation."));
  }

  @Operation(summary = "The federation directory this node goes by, signed (JWS)")
  @ApiResponse(
      responseCode = "200",
      description = "The signed directory, a JWS compact serialisation",
      content = @Content(mediaType = "application/jose", schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "404", description = "This node holds no directory")
  @GetMapping("/directory")
  ResponseEntity<String> directory() {
    return directories
        .currentJws()
        .map(
            jws ->
                ResponseEntity.ok()
                    .contentType(JOSE)
                    .cacheControl(CacheControl.noCache())
                    .body(jws))
        .orElseThrow(() -> Problem.notFound("This node holds no federation directory."));
  }

  @Operation(
      summary = "Publish a new version of the directory (the secretariat, on its node)",
      description =
          "The body lists every node: {\"nodes\":[{\"id\",\"operator\",\"url\",\"logOrigin\","
              + "\"logVkey\",\"trustListKey\",\"participants\":[..],\"keys\":[{\"kid\",\"x\","
              + "\"from\",\"revokedAt\"}]}]}. The new version is signed with this node's"
              + " trust-list key and committed to its log.")
  @ApiResponse(
      responseCode = "201",
      description = "The new signed directory",
      content = @Content(mediaType = "application/jose", schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "403", description = "Only the KP secretariat publishes it")
  @ApiResponse(responseCode = "409", description = "This node does not publish the directory")
  @ApiResponse(responseCode = "422", description = "The nodes break a rule of the directory")
  @PutMapping(path = "/directory", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> publish(Caller caller, @RequestBody byte[] body) {
    return switch (directories.publish(caller, body)) {
      case PublishOutcome.Published p -> ResponseEntity.status(201).contentType(JOSE).body(p.jws());
      case PublishOutcome.NotAllowed n ->
          throw Problem.forbidden("Only the KP secretariat publishes the federation directory.");
      case PublishOutcome.NotPublisher n ->
          throw Problem.conflict(
              "federation/not-publisher",
              "This node does not publish the federation directory: the secretariat's node does.");
      case PublishOutcome.Invalid i -> throw Problem.invalid(i.field(), i.detail());
    };
  }
}

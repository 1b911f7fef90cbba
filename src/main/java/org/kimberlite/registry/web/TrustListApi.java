package org.kimberlite.registry.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;
import org.kimberlite.registry.TrustLists;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public trust list: every KP authority signing key with its status, signed by the platform's
 * trust-list key; the same list as plain JSON; and the platform's trust-list key as a JWK.
 */
@RestController
@RequestMapping("/api/v1")
class TrustListApi {
  static final MediaType JOSE = MediaType.parseMediaType("application/jose");
  static final MediaType JWK = MediaType.parseMediaType("application/jwk+json");

  private final TrustLists trustLists;

  TrustListApi(TrustLists trustLists) {
    this.trustLists = trustLists;
  }

  /** The signed list: a JWS compact serialisation, typ {@code kimberlite-trust-list+jwt}. */
  @ApiResponse(
      responseCode = "200",
      description = "The signed trust list, a JWS compact serialisation",
      content = @Content(mediaType = "application/jose", schema = @Schema(type = "string")))
  @GetMapping("/trust-list")
  ResponseEntity<String> signed() {
    return ResponseEntity.ok()
        .contentType(JOSE)
        .cacheControl(CacheControl.noCache())
        .body(trustLists.publish());
  }

  /** The list's payload as plain JSON, for reading; trust only the signed list. */
  @ApiResponse(
      responseCode = "200",
      description = "The trust list payload (unsigned; trust only the signed list)",
      content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
  @GetMapping("/trust-list.json")
  ResponseEntity<String> json() {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .cacheControl(CacheControl.noCache())
        .body(trustLists.current().toJson());
  }

  /** The platform's trust-list public key (OKP Ed25519 JWK with its kid). */
  @ApiResponse(
      responseCode = "200",
      description = "The trust-list key as an OKP Ed25519 JWK",
      content = @Content(mediaType = "application/jwk+json", schema = @Schema(type = "object")))
  @GetMapping("/trust-list/key")
  ResponseEntity<Map<String, String>> key() {
    return ResponseEntity.ok().contentType(JWK).body(trustLists.platformJwk());
  }
}

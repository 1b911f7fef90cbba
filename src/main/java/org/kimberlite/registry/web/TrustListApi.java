package org.kimberlite.registry.web;

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
  @GetMapping("/trust-list")
  ResponseEntity<String> signed() {
    return ResponseEntity.ok()
        .contentType(JOSE)
        .cacheControl(CacheControl.noCache())
        .body(trustLists.publish());
  }

  /** The list's payload as plain JSON, for reading; trust only the signed list. */
  @GetMapping("/trust-list.json")
  ResponseEntity<String> json() {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .cacheControl(CacheControl.noCache())
        .body(trustLists.current().toJson());
  }

  /** The platform's trust-list public key (OKP Ed25519 JWK with its kid). */
  @GetMapping("/trust-list/key")
  ResponseEntity<Map<String, String>> key() {
    return ResponseEntity.ok().contentType(JWK).body(trustLists.platformJwk());
  }
}

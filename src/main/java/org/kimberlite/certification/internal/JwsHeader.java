package org.kimberlite.certification.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The algorithm and key id of a JWS's protected header, read without verifying anything: what the
 * printed certificate states about its signature.
 */
record JwsHeader(@Nullable String alg, @Nullable String kid) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static JwsHeader of(@Nullable String jws) {
    if (jws == null) {
      return new JwsHeader(null, null);
    }
    int dot = jws.indexOf('.');
    if (dot <= 0) {
      return new JwsHeader(null, null);
    }
    try {
      byte[] json = Base64.getUrlDecoder().decode(jws.substring(0, dot).strip());
      JsonNode header = JSON.readTree(new String(json, StandardCharsets.UTF_8));
      return new JwsHeader(member(header, "alg"), member(header, "kid"));
    } catch (IllegalArgumentException | JacksonException e) {
      return new JwsHeader(null, null);
    }
  }

  private static @Nullable String member(@Nullable JsonNode header, String name) {
    if (header == null || !header.isObject()) {
      return null;
    }
    JsonNode value = header.get(name);
    return value != null && value.isString() && !value.stringValue().isBlank()
        ? value.stringValue()
        : null;
  }
}

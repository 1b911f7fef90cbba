package org.kimberlite.registry;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Strict JSON reading for signed data: UTF-8 only, one object, no duplicate member names. */
final class Json {
  private static final JsonMapper STRICT =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private Json() {}

  /** Parses {@code utf8} as one JSON object, or refuses it as malformed. */
  static JsonNode object(byte[] utf8) {
    String text =
        org.kimberlite.shared.Utf8.decode(utf8)
            .orElseThrow(() -> SignatureException.malformed("JSON must be UTF-8"));
    JsonNode node;
    try {
      node = STRICT.readTree(text);
    } catch (JacksonException e) {
      throw SignatureException.malformed("Not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw SignatureException.malformed("JSON must be an object");
    }
    return node;
  }
}

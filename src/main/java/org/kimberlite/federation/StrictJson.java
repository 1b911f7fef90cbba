package org.kimberlite.federation;

import java.util.Set;
import java.util.function.BiFunction;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the federation's JSON documents strictly: one object, no duplicate or unexpected member,
 * every expected member present, strings bounded. Each refusal is made by the caller's {@code
 * refuse(member, message)}, so each document names its faults its own way.
 */
final class StrictJson {
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final BiFunction<String, String, RuntimeException> refuse;
  private final int maxText;

  StrictJson(BiFunction<String, String, RuntimeException> refuse, int maxText) {
    this.refuse = refuse;
    this.maxText = maxText;
  }

  /** {@code text} as one JSON object; {@code what} names it in a refusal. */
  JsonNode object(String text, String what) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JacksonException e) {
      throw refuse.apply(what, "not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw refuse.apply(what, "must be a JSON object");
    }
    return node;
  }

  /** Exactly the members {@code expected}; {@code what} names the object in a refusal. */
  void members(JsonNode node, Set<String> expected, String what) {
    members(node, expected, Set.of(), what);
  }

  /** Every member of {@code expected}, and of {@code optional} those present; nothing else. */
  void members(JsonNode node, Set<String> expected, Set<String> optional, String what) {
    for (String name : node.propertyNames()) {
      if (!expected.contains(name) && !optional.contains(name)) {
        throw refuse.apply(what, "unexpected member " + name);
      }
    }
    for (String name : expected) {
      if (!node.has(name)) {
        throw refuse.apply(what, "no " + name);
      }
    }
  }

  /** The string member {@code name}, at most {@code maxText} characters. */
  String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isString() || value.stringValue().length() > maxText) {
      throw refuse.apply(name, "must be a string of at most " + maxText + " characters");
    }
    return value.stringValue();
  }
}

package org.kimberlite.platform.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * One JSON reading policy for the whole server: a body means exactly what it says or it is refused.
 * Duplicate member names, unknown members, nulls for primitives or inside arrays, and any coercion
 * between kinds of value (a string for a number, a fraction for an integer, a number for a string
 * or a boolean) are refused, and the refusal names the field by its JSON path. A string holding an
 * unpaired surrogate (a surrogate escape without its other half) is not text and is refused too:
 * nothing past the web layer (password hashing, signing, UTF-8 encoding) has to cope with it.
 */
@Configuration
public class StrictJson {
  /** Deepest nesting of arrays and objects a request body may have. */
  public static final int MAX_NESTING = 64;

  /** Longest string or number a request body may hold, in characters. */
  public static final int MAX_STRING = 1_000_000;

  /** Longest number a request body may hold, in digits. */
  public static final int MAX_NUMBER = 100;

  @Bean
  JsonMapperBuilderCustomizer strictJsonReading() {
    return StrictJson::apply;
  }

  /** Applies the policy to a mapper builder (also for mappers made outside Spring). */
  public static void apply(JsonMapper.Builder builder) {
    builder
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(
            DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
            DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
            DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(
            DeserializationFeature.ACCEPT_FLOAT_AS_INT,
            DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
            DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
            DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
            DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .addModule(
            new SimpleModule("well-formed-text")
                .addDeserializer(String.class, new WellFormedStrings()))
        .changeDefaultNullHandling(n -> JsonSetter.Value.forContentNulls(Nulls.FAIL))
        .withCoercionConfig(
            LogicalType.Integer,
            c ->
                c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Float,
            c ->
                c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Boolean,
            c ->
                c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Textual,
            c ->
                c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Array, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Object, CoercionAction.Fail));
  }

  /** Reads strings as usual and refuses one that holds an unpaired surrogate. */
  static final class WellFormedStrings extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
      String text = super.deserialize(p, ctxt);
      if (text != null && !wellFormed(text)) {
        throw InvalidFormatException.from(p, UNPAIRED_SURROGATE, text, String.class);
      }
      return text;
    }
  }

  /** The message of the refusal of a string with an unpaired surrogate. */
  static final String UNPAIRED_SURROGATE = "is not valid text: it holds an unpaired surrogate";

  /** Whether every surrogate in {@code text} is one half of a pair. */
  static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** The stream limits of a request body: shallow nesting, bounded strings and numbers. */
  @Bean
  JsonFactoryBuilderCustomizer boundedJsonReading() {
    return factory ->
        factory.streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxStringLength(MAX_STRING)
                .maxNumberLength(MAX_NUMBER)
                .build());
  }
}

package org.kimberlite.platform.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Tells the API description which members of a JSON record may be {@code null}: those whose
 * component is annotated {@code @Nullable} (JSpecify, a type-use annotation the generator does not
 * read). The platform writes nulls rather than leaving members out, so the schema must allow them.
 */
@Component
class NullableProperties implements ModelConverter {

  @Override
  public @Nullable Schema<?> resolve(
      AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
    if (!chain.hasNext()) {
      return null;
    }
    Schema<?> schema = chain.next().resolve(type, context, chain);
    Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
    if (schema == null || raw == null || !raw.isRecord()) {
      return schema;
    }
    Schema<?> model = schema;
    if (schema.get$ref() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      model = context.getDefinedModels().get(name);
    }
    if (model == null || model.getProperties() == null) {
      return schema;
    }
    for (RecordComponent c : raw.getRecordComponents()) {
      if (c.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
        Schema<?> property = model.getProperties().get(c.getName());
        if (property != null) {
          model.getProperties().put(c.getName(), orNull(property));
        }
      }
    }
    return schema;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema<?> orNull(Schema<?> property) {
    if (property.get$ref() != null || property.getEnum() != null) {
      Schema wrapped = new Schema<>();
      wrapped.setAnyOf(List.of(property, new Schema<>().types(Set.of("null"))));
      return wrapped;
    }
    Set<String> types = new LinkedHashSet<>();
    if (property.getTypes() != null) {
      types.addAll(property.getTypes());
    } else if (property.getType() != null) {
      types.add(property.getType());
    }
    if (types.isEmpty()) {
      return property;
    }
    types.add("null");
    property.setTypes(types);
    return property;
  }
}

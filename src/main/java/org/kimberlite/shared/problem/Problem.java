package org.kimberlite.shared.problem;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A refusal: why a request cannot be done, with an HTTP status, a stable type slug, the rules
 * broken (IDs from the rules catalogue) and the fields at fault. Thrown by use cases, mapped to
 * {@code application/problem+json} by the web layer; nothing has changed when it is thrown.
 */
public class Problem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String title;
  private final transient List<String> rules;
  private final transient List<FieldError> fieldErrors;

  public Problem(
      int status,
      String type,
      String title,
      @Nullable String detail,
      List<String> rules,
      List<FieldError> fieldErrors) {
    super(detail == null ? title : detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.rules = List.copyOf(rules);
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  public static Problem notFound(String what) {
    return new Problem(404, "not-found", "Not found", what, List.of(), List.of());
  }

  public static Problem forbidden(String detail) {
    return new Problem(403, "forbidden", "Forbidden", detail, List.of(), List.of());
  }

  public static Problem unauthorized(String detail) {
    return new Problem(
        401, "unauthorized", "Authentication required", detail, List.of(), List.of());
  }

  public static Problem conflict(String type, String detail) {
    return new Problem(409, type, "Conflict", detail, List.of(), List.of());
  }

  public static Problem invalid(String detail, List<FieldError> fieldErrors) {
    return new Problem(
        422, "validation", "The request is not valid", detail, List.of(), fieldErrors);
  }

  public static Problem invalid(String field, String message) {
    return invalid(message, List.of(new FieldError(field, message)));
  }

  /**
   * A request parameter (query or path) that cannot be read or is out of bounds: 400, naming it.
   */
  public static Problem badParameter(String field, String message) {
    return new Problem(
        400,
        "validation",
        "A parameter is not valid",
        field + ": " + message,
        List.of(),
        List.of(new FieldError(field, message)));
  }

  /** A refusal under one rule or a domain condition, with its own type slug. */
  public static Problem rule(String type, String title, String detail) {
    return new Problem(422, type, title, detail, List.of(), List.of());
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return String.valueOf(getMessage());
  }

  public List<String> rules() {
    return rules;
  }

  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }
}

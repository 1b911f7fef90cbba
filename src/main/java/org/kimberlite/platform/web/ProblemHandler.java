package org.kimberlite.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Maps every exception that leaves a controller to a response on purpose: machine paths get RFC
 * 9457 problem+json, pages get the error page. A refusal is never a 200 and a bug is never a 4xx.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(Problem.class)
  ModelAndView problem(Problem problem, HttpServletRequest request) {
    return respond(problem, request);
  }

  @ExceptionHandler(BindException.class)
  ModelAndView invalid(BindException e, HttpServletRequest request) {
    List<FieldError> errors = new ArrayList<>();
    e.getBindingResult()
        .getFieldErrors()
        .forEach(f -> errors.add(new FieldError(f.getField(), messageOf(f.getDefaultMessage()))));
    e.getBindingResult()
        .getGlobalErrors()
        .forEach(
            g -> errors.add(new FieldError(g.getObjectName(), messageOf(g.getDefaultMessage()))));
    return respond(
        Problem.invalid("Some fields are missing or not valid; nothing was changed.", errors),
        request);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ModelAndView invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
    List<FieldError> errors = new ArrayList<>();
    e.getParameterValidationResults()
        .forEach(
            r ->
                r.getResolvableErrors()
                    .forEach(
                        err ->
                            errors.add(
                                new FieldError(
                                    String.valueOf(r.getMethodParameter().getParameterName()),
                                    messageOf(err.getDefaultMessage())))));
    return respond(
        Problem.invalid("Some parameters are not valid; nothing was changed.", errors), request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ModelAndView unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    if (causedBy(e, PayloadTooLargeException.class)) {
      return respond(tooLarge(), request);
    }
    if (e.getCause() instanceof MismatchedInputException mismatch
        && !mismatch.getPath().isEmpty()) {
      // Well-formed JSON with a value of the wrong type or outside an enumeration: a field error.
      String field =
          mismatch.getPath().stream()
              .map(
                  r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
              .collect(java.util.stream.Collectors.joining("."))
              .replace(".[", "[");
      return respond(
          Problem.invalid(
              "Field '" + field + "' has a value of the wrong type or outside its allowed values.",
              List.of(
                  new FieldError(
                      field, "has a value of the wrong type or outside its allowed values"))),
          request);
    }
    return respond(
        new Problem(
            400,
            "malformed-request",
            "The request body could not be read",
            "The body is not well-formed JSON of the expected shape: "
                + rootMessage(e).replaceAll("\\s+", " "),
            List.of(),
            List.of()),
        request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ModelAndView missingParameter(
      MissingServletRequestParameterException e, HttpServletRequest request) {
    return respond(
        new Problem(
            400,
            "malformed-request",
            "A required parameter is missing",
            e.getMessage(),
            List.of(),
            List.of(new FieldError(e.getParameterName(), "is required"))),
        request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ModelAndView typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return respond(
        new Problem(
            400,
            "malformed-request",
            "A parameter has the wrong form",
            "Parameter '" + e.getName() + "' could not be read from '" + e.getValue() + "'.",
            List.of(),
            List.of(new FieldError(e.getName(), "has the wrong form"))),
        request);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ModelAndView noResource(NoResourceFoundException e, HttpServletRequest request) {
    return respond(Problem.notFound("Nothing is served at " + request.getRequestURI()), request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ModelAndView method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return respond(
        new Problem(
            405, "method-not-allowed", "Method not allowed", e.getMessage(), List.of(), List.of()),
        request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ModelAndView mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return respond(
        new Problem(
            415,
            "unsupported-media-type",
            "Unsupported media type",
            "Send the body as application/json.",
            List.of(),
            List.of()),
        request);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ModelAndView notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
    return respond(
        new Problem(406, "not-acceptable", "Not acceptable", e.getMessage(), List.of(), List.of()),
        request);
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ModelAndView payloadTooLarge(PayloadTooLargeException e, HttpServletRequest request) {
    return respond(tooLarge(), request);
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ModelAndView duplicate(DuplicateKeyException e, HttpServletRequest request) {
    return respond(
        Problem.conflict("duplicate", "A record with the same identity already exists."), request);
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ModelAndView concurrentChange(OptimisticLockingFailureException e, HttpServletRequest request) {
    return respond(
        Problem.conflict(
            "concurrent-change", "The record was changed by someone else; read it again."),
        request);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ModelAndView accessDenied(AccessDeniedException e, HttpServletRequest request) {
    return respond(Problem.forbidden("Your account may not do this."), request);
  }

  @ExceptionHandler(Exception.class)
  ModelAndView unexpected(Exception e, HttpServletRequest request) {
    log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
    return respond(
        new Problem(
            500,
            "internal-error",
            "Internal error",
            "An unexpected error occurred; it has been logged. Nothing was changed.",
            List.of(),
            List.of()),
        request);
  }

  static Problem tooLarge() {
    return new Problem(
        HttpStatus.CONTENT_TOO_LARGE.value(),
        "payload-too-large",
        "Request body too large",
        "The request body exceeds the limit of this endpoint.",
        List.of(),
        List.of());
  }

  private static ModelAndView respond(Problem problem, HttpServletRequest request) {
    if (ProblemResponses.wantsPage(request)) {
      ModelAndView page =
          new ModelAndView(
              "error", Map.of("problem", problem), HttpStatus.valueOf(problem.status()));
      return page;
    }
    ModelAndView json = new ModelAndView(new ProblemJsonView(problem));
    json.setStatus(HttpStatus.valueOf(problem.status()));
    return json;
  }

  private static String messageOf(@org.jspecify.annotations.Nullable String message) {
    return message == null ? "is not valid" : message;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage();
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline > 0 ? message.substring(0, newline) : message;
  }
}

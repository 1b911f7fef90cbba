package org.kimberlite.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.InvalidInput;
import org.kimberlite.shared.PrintableText;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
import org.kimberlite.shared.problem.RetryLater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Maps every exception that leaves a controller to a response on purpose: machine paths get RFC
 * 9457 problem+json, pages get the error page. A refusal is never a 200 and a bug is never a 4xx.
 * Every detail is in this platform's own words: no message of a library, no class or package name
 * reaches a client (they go to the log when they matter).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  /** Words that give away internals; a message holding any of them is not shown to a client. */
  private static final Pattern INTERNALS =
      Pattern.compile(
          "java\\.|javax\\.|jakarta\\.|tools\\.jackson|com\\.fasterxml|org\\.springframework"
              + "|org\\.kimberlite|org\\.h2|org\\.postgresql|Exception|\\bclass\\b|\\$",
          Pattern.CASE_INSENSITIVE);

  @ExceptionHandler(Problem.class)
  ModelAndView problem(Problem problem, HttpServletRequest request, HttpServletResponse response) {
    if (problem instanceof RetryLater later) {
      response.setHeader("Retry-After", Long.toString(later.retryAfterSeconds()));
    }
    return respond(problem, request);
  }

  /** A field a check refused where input is parsed: the same 422 as {@link Problem#invalid}. */
  @ExceptionHandler(InvalidInput.class)
  ModelAndView invalidInput(InvalidInput e, HttpServletRequest request) {
    return respond(Problem.invalid(e.field(), e.reason()), request);
  }

  @ExceptionHandler(BindException.class)
  ModelAndView invalid(BindException e, HttpServletRequest request) {
    List<FieldError> errors = new ArrayList<>();
    e.getBindingResult()
        .getFieldErrors()
        .forEach(
            f ->
                errors.add(
                    new FieldError(
                        f.getField(),
                        f.isBindingFailure()
                            ? "has the wrong form"
                            : ownWords(f.getDefaultMessage(), "is not valid"))));
    e.getBindingResult()
        .getGlobalErrors()
        .forEach(
            g ->
                errors.add(
                    new FieldError(
                        g.getObjectName(), ownWords(g.getDefaultMessage(), "is not valid"))));
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
                                    ownWords(err.getDefaultMessage(), "is not valid")))));
    return respond(
        Problem.invalid("Some parameters are not valid; nothing was changed.", errors), request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ModelAndView unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    if (causedBy(e, org.kimberlite.platform.web.PayloadTooLargeException.class)) {
      return respond(tooLarge(), request);
    }
    JacksonException json = cause(e, JacksonException.class);
    if (json == null) {
      boolean empty = e.getCause() == null || request.getContentLengthLong() == 0;
      return respond(
          malformed(
              empty
                  ? "The request needs a JSON body."
                  : "The body could not be read as JSON of the expected shape."),
          request);
    }
    return respond(jsonProblem(json), request);
  }

  /** The refusal of a body that is not JSON, or not of the shape an endpoint reads. */
  static Problem jsonProblem(JacksonException e) {
    String field = path(e);
    if (e instanceof StreamConstraintsException) {
      return malformed(
          "The body is nested more than "
              + StrictJson.MAX_NESTING
              + " levels deep, or holds a string or number that is too long.");
    }
    if (e instanceof UnexpectedEndOfInputException) {
      return malformed("The body ends before its JSON is complete.");
    }
    if (e instanceof StreamReadException read) {
      String message = String.valueOf(read.getOriginalMessage());
      if (message.startsWith("Duplicate Object property")) {
        String name = between(message, '"');
        String at = field.isEmpty() ? name : field + "." + name;
        return new Problem(
            400,
            "malformed-request",
            "The request body could not be read",
            "Member '" + at + "' appears more than once; send each member once.",
            List.of(),
            List.of(new FieldError(at, "appears more than once")));
      }
      var location = read.getLocation();
      return malformed(
          location == null || location.getLineNr() < 0
              ? "The body is not well-formed JSON."
              : "The body is not well-formed JSON (line "
                  + location.getLineNr()
                  + ", column "
                  + location.getColumnNr()
                  + ").");
    }
    if (field.isEmpty()) {
      return malformed(
          "The body is not of the expected shape: send one JSON object with the documented"
              + " members.");
    }
    String message;
    if (e instanceof InvalidNullException) {
      message = "must not be null";
    } else if (e instanceof UnrecognizedPropertyException) {
      message = "is not a member this endpoint reads";
    } else if (e instanceof ValueInstantiationException v) {
      message = ownWords(v.getCause() == null ? null : v.getCause().getMessage(), "is not valid");
    } else if (e instanceof InvalidFormatException f
        && f.getTargetType() == String.class
        && String.valueOf(f.getOriginalMessage()).equals(StrictJson.UNPAIRED_SURROGATE)) {
      message = StrictJson.UNPAIRED_SURROGATE;
    } else if (e instanceof MismatchedInputException) {
      message = "has a value of the wrong type or outside its allowed values";
    } else {
      message = "is not valid";
    }
    return Problem.invalid(
        "Field '" + field + "' " + message + ".", List.of(new FieldError(field, message)));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ModelAndView missingParameter(
      MissingServletRequestParameterException e, HttpServletRequest request) {
    return respond(
        new Problem(
            400,
            "malformed-request",
            "A required parameter is missing",
            "Parameter '" + e.getParameterName() + "' is required.",
            List.of(),
            List.of(new FieldError(e.getParameterName(), "is required"))),
        request);
  }

  @ExceptionHandler(MissingRequestValueException.class)
  ModelAndView missingValue(MissingRequestValueException e, HttpServletRequest request) {
    return respond(malformed("A required part of the request is missing."), request);
  }

  @ExceptionHandler(ServletRequestBindingException.class)
  ModelAndView binding(ServletRequestBindingException e, HttpServletRequest request) {
    return respond(malformed("The request could not be read as this endpoint expects."), request);
  }

  @ExceptionHandler(TypeMismatchException.class)
  ModelAndView typeMismatch(TypeMismatchException e, HttpServletRequest request) {
    String name = String.valueOf(e.getPropertyName());
    if (e
        instanceof
        org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m) {
      name = m.getName();
    }
    Object value = e.getValue();
    String given = value == null ? "" : " from " + PrintableText.quoted(value.toString());
    String reason =
        causedBy(e, NumberFormatException.class)
            ? "is not a whole number in the accepted range"
            : ownWords(rootCauseMessage(e), "has the wrong form");
    return respond(
        new Problem(
            400,
            "malformed-request",
            "A parameter has the wrong form",
            "Parameter '" + name + "' could not be read" + given + ": " + reason + ".",
            List.of(),
            List.of(new FieldError(name, reason))),
        request);
  }

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  ModelAndView noResource(Exception e, HttpServletRequest request) {
    return respond(Problem.notFound("Nothing is served at this address."), request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ModelAndView method(
      HttpRequestMethodNotSupportedException e,
      HttpServletRequest request,
      HttpServletResponse response) {
    Set<HttpMethod> allowed = e.getSupportedHttpMethods();
    String allow =
        allowed == null
            ? ""
            : allowed.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
    if (!allow.isEmpty()) {
      response.setHeader("Allow", allow);
    }
    return respond(
        new Problem(
            405,
            "method-not-allowed",
            "Method not allowed",
            allow.isEmpty()
                ? "This address does not answer to that method."
                : "This address answers to " + allow + " only.",
            List.of(),
            List.of()),
        request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ModelAndView mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    List<MediaType> supported = e.getSupportedMediaTypes();
    String types =
        supported.isEmpty() || supported.contains(MediaType.APPLICATION_JSON)
            ? "application/json"
            : supported.stream()
                .map(t -> t.getType() + "/" + t.getSubtype())
                .distinct()
                .collect(Collectors.joining(" or "));
    return respond(
        new Problem(
            415,
            "unsupported-media-type",
            "Unsupported media type",
            "Send the body as " + types + ".",
            List.of(),
            List.of()),
        request);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ModelAndView notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
    List<MediaType> supported = e.getSupportedMediaTypes();
    String types =
        supported.stream()
            .map(t -> t.getType() + "/" + t.getSubtype())
            .distinct()
            .collect(Collectors.joining(", "));
    return respond(
        new Problem(
            406,
            "not-acceptable",
            "Not acceptable",
            types.isEmpty()
                ? "This resource is not available in the media type asked for."
                : "This resource is available as " + types + " only.",
            List.of(),
            List.of()),
        request);
  }

  @ExceptionHandler({PayloadTooLargeException.class, MaxUploadSizeExceededException.class})
  ModelAndView payloadTooLarge(Exception e, HttpServletRequest request) {
    return respond(tooLarge(), request);
  }

  @ExceptionHandler(MultipartException.class)
  ModelAndView multipart(MultipartException e, HttpServletRequest request) {
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

  @ExceptionHandler(DuplicateKeyException.class)
  ModelAndView duplicate(DuplicateKeyException e, HttpServletRequest request) {
    return respond(
        Problem.conflict("duplicate", "A record with the same identity already exists."), request);
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ModelAndView integrity(DataIntegrityViolationException e, HttpServletRequest request) {
    // Input that got past validation and was stopped by the database: a refusal of the input,
    // logged because it means a check is missing in front of the store.
    log.warn(
        "Database refused input on {} {}: {}",
        request.getMethod(),
        request.getRequestURI(),
        rootCauseMessage(e));
    return respond(
        Problem.invalid(
            "A value is too long, missing or not allowed; nothing was changed.", List.of()),
        request);
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

  @ExceptionHandler(AuthenticationException.class)
  ModelAndView unauthenticated(AuthenticationException e, HttpServletRequest request) {
    return respond(Problem.unauthorized("Sign in first."), request);
  }

  @ExceptionHandler(AsyncRequestTimeoutException.class)
  ModelAndView timeout(AsyncRequestTimeoutException e, HttpServletRequest request) {
    return respond(
        new Problem(
            503,
            "unavailable",
            "Service unavailable",
            "The answer took too long; try again.",
            List.of(),
            List.of()),
        request);
  }

  @ExceptionHandler(Exception.class)
  ModelAndView unexpected(
      Exception e, HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
    if (DatabaseUnavailable.is(e)) {
      log.warn(
          "Database unavailable on {} {}: {}",
          request.getMethod(),
          request.getRequestURI(),
          rootCauseMessage(e));
      response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
      return respond(DatabaseUnavailable.problem(), request);
    }
    if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
      // Any other refusal the web framework knows by its status: answered with that status.
      HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
      return respond(
          new Problem(
              status.value(),
              "http-" + status.value(),
              status.getReasonPhrase(),
              "The request was refused: "
                  + status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT)
                  + ".",
              List.of(),
              List.of()),
          request);
    }
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

  static Problem malformed(String detail) {
    return new Problem(
        400,
        "malformed-request",
        "The request body could not be read",
        detail,
        List.of(),
        List.of());
  }

  /**
   * {@code message} if it is in words a client may see (no class, package or library name), else
   * {@code fallback}.
   */
  static String ownWords(@Nullable String message, String fallback) {
    if (message == null || message.isBlank() || message.length() > 300) {
      return fallback;
    }
    if (INTERNALS.matcher(message).find()) {
      return fallback;
    }
    return message;
  }

  /** The JSON path of the value at fault, as {@code lines[0].carats}; empty for the root. */
  static String path(JacksonException e) {
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference r : e.getPath()) {
      String name = r.getPropertyName();
      if (name != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(name);
      } else if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String between(String message, char quote) {
    int start = message.indexOf(quote);
    int end = message.indexOf(quote, start + 1);
    return start >= 0 && end > start ? message.substring(start + 1, end) : "?";
  }

  private static ModelAndView respond(Problem problem, HttpServletRequest request) {
    if (ProblemResponses.wantsPage(request)) {
      ModelAndView page =
          new ModelAndView(
              "error",
              Map.of("problem", problem, "languages", LanguageSwitch.of(request)),
              HttpStatus.valueOf(problem.status()));
      return page;
    }
    ModelAndView json = new ModelAndView(new ProblemJsonView(problem));
    json.setStatus(HttpStatus.valueOf(problem.status()));
    return json;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    return cause(e, type) != null;
  }

  private static <T extends Throwable> @Nullable T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static @Nullable String rootCauseMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}

package org.kimberlite.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 {@code application/problem+json} bodies. One writer for the controllers, the
 * security filters and the servlet error path, so every refusal looks the same.
 */
public final class ProblemResponses {
  public static final String TYPE_PREFIX = "/problems/";
  public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemResponses() {}

  /** The JSON members of a problem, in a stable order. */
  public static Map<String, Object> body(Problem problem, String instance) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE_PREFIX + problem.type());
    body.put("title", problem.title());
    body.put("status", problem.status());
    body.put("detail", problem.detail());
    body.put("instance", instance);
    if (!problem.rules().isEmpty()) {
      body.put("rules", problem.rules());
    }
    if (!problem.fieldErrors().isEmpty()) {
      List<Map<String, String>> errors =
          problem.fieldErrors().stream().map(ProblemResponses::fieldError).toList();
      body.put("errors", errors);
    }
    return body;
  }

  private static Map<String, String> fieldError(FieldError error) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("field", error.field());
    out.put("message", error.message());
    return out;
  }

  public static byte[] json(Problem problem, String instance) {
    return JSON.writeValueAsBytes(body(problem, instance));
  }

  public static void write(
      HttpServletRequest request, HttpServletResponse response, Problem problem)
      throws IOException {
    write(response, problem, request.getRequestURI());
  }

  static void write(HttpServletResponse response, Problem problem, String instance)
      throws IOException {
    byte[] bytes = json(problem, instance);
    response.setStatus(problem.status());
    response.setContentType(PROBLEM_JSON.toString());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /** True for machine paths (API, log, EPCIS), which always answer in JSON. */
  public static boolean isMachinePath(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/")
        || path.equals("/api")
        || path.startsWith("/log/")
        || path.startsWith("/epcis/");
  }

  /** A page request is a browser asking for HTML outside the machine paths. */
  public static boolean wantsPage(HttpServletRequest request) {
    if (isMachinePath(request)) {
      return false;
    }
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("text/html");
  }
}

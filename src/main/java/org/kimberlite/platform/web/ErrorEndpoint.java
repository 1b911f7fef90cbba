package org.kimberlite.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.kimberlite.shared.problem.Problem;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The servlet container's error path: failures that happen before a controller runs (a filter's
 * refusal, such as a missing CSRF token) are answered like every other refusal.
 */
@Controller
class ErrorEndpoint implements ErrorController {

  @RequestMapping("/error")
  ModelAndView error(
      HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i && i >= 400 && i <= 599 ? i : 404;
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
        && DatabaseUnavailable.is(failure)) {
      // A filter (signing in with a token) could not reach the database.
      status = 503;
      response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
    }
    HttpStatus http = HttpStatus.valueOf(status);
    Problem problem =
        switch (status) {
          case 401 -> Problem.unauthorized("Sign in first.");
          case 403 -> Problem.forbidden("The request was refused (missing or stale form token?).");
          case 404 -> Problem.notFound("Nothing is served here.");
          case 503 -> DatabaseUnavailable.problem();
          case 429 ->
              new Problem(
                  429,
                  "too-many-requests",
                  "Too many requests",
                  "Too many attempts; wait a little (see Retry-After) and try again.",
                  List.of(),
                  List.of());
          default ->
              new Problem(
                  status,
                  status >= 500 ? "internal-error" : "http-" + status,
                  http.getReasonPhrase(),
                  http.getReasonPhrase(),
                  List.of(),
                  List.of());
        };
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String instance = uri == null ? request.getRequestURI() : uri.toString();
    if (ProblemResponses.wantsPage(request)) {
      return new ModelAndView(
          "error", Map.of("problem", problem, "languages", LanguageSwitch.of(request)), http);
    }
    ModelAndView json = new ModelAndView(new ProblemJsonView(problem, instance));
    json.setStatus(http);
    return json;
  }
}

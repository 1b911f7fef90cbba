package org.kimberlite.registry.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.kimberlite.platform.web.ProblemResponses;
import org.kimberlite.shared.problem.RetryLater;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in form post with 429 and Retry-After while its account or address must wait, so a
 * throttled attempt costs no password hashing; the form's outcome is recorded by the handlers that
 * {@link #failure()} and {@link #success()} return.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {
  private final LoginThrottle throttle;

  LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !"/login".equals(request.getRequestURI().substring(request.getContextPath().length()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Duration> wait = throttle.wait(username(request), request.getRemoteAddr());
    if (wait.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    RetryLater refusal =
        new RetryLater(
            "Too many failed sign-ins for this account or from this address; try again in "
                + Math.max(1, wait.get().toSeconds())
                + " seconds.",
            wait.get());
    response.setHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
    if (ProblemResponses.wantsPage(request)) {
      byte[] page =
          ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                  + "<title>Too many sign-in attempts</title></head><body><main>"
                  + "<h1>Too many sign-in attempts</h1><p>"
                  + refusal.detail()
                  + "</p><p><a href=\"/login\">Back to sign in</a></p></main></body></html>")
              .getBytes(StandardCharsets.UTF_8);
      response.setStatus(429);
      response.setContentType("text/html;charset=UTF-8");
      response.setContentLength(page.length);
      response.getOutputStream().write(page);
    } else {
      ProblemResponses.write(request, response, refusal);
    }
  }

  static String username(HttpServletRequest request) {
    String username = request.getParameter("username");
    return username == null ? "" : username;
  }
}

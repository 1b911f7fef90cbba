package org.kimberlite.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is printable ASCII without
 * spaces and at most {@value #MAX_LENGTH} characters, a fresh random one otherwise. The id is
 * echoed in the answer's {@code X-Request-Id} and put in the logging context ({@code requestId}),
 * so every log line written while the request is served carries it. Runs before security, so
 * refusals carry it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds extends OncePerRequestFilter {
  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";
  static final int MAX_LENGTH = 64;
  private static final Pattern ACCEPTED = Pattern.compile("[!-~]{1," + MAX_LENGTH + "}");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = accepted(request.getHeader(HEADER));
    response.setHeader(HEADER, id);
    MDC.put(MDC_KEY, id);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(MDC_KEY);
    }
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  /** The caller's id when it is acceptable, else a new one. */
  public static String accepted(@Nullable String given) {
    if (given != null && ACCEPTED.matcher(given).matches()) {
      return given;
    }
    return UUID.randomUUID().toString();
  }
}

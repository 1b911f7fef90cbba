package org.kimberlite.platform.idempotency.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kimberlite.platform.idempotency.IdempotencyProperties;
import org.kimberlite.platform.idempotency.RequestFingerprint;
import org.kimberlite.platform.idempotency.internal.EffectMark.Attempt;
import org.kimberlite.platform.idempotency.internal.IdempotencyRepository.Row;
import org.kimberlite.platform.security.OrganisationPrincipal;
import org.kimberlite.platform.web.PayloadTooLargeException;
import org.kimberlite.platform.web.ProblemResponses;
import org.kimberlite.shared.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * {@code Idempotency-Key} on every POST (draft-ietf-httpapi-idempotency-key-header). Runs after the
 * security filters, so it knows the caller; keys are scoped per caller (account), so one caller can
 * never replay another's answer. The first request with a key claims it, runs, and keeps its answer
 * (status, Content-Type, Location, body); a retry with the same key and the same request gets that
 * answer again with {@code Idempotent-Replayed: true}, without running the action. The same key
 * with another request is a 422 problem; a retry while the first runs is a 409.
 *
 * <p>Crash safety: the key is marked EFFECTED inside the action's own transaction ({@link
 * EffectMark}). A key left IN_FLIGHT by a dead process took no effect and is taken over by a retry
 * once its lease ends; a key left EFFECTED without an answer is answered 409 {@code
 * idempotency/outcome-unknown} until it expires, and the action is never run twice.
 *
 * <p>Not covered: the token endpoint (its answer is a secret shown once and never kept) and the
 * sign-in form (handled by the security filters before this one).
 */
@Component
@Order(0)
class IdempotencyFilter extends OncePerRequestFilter {
  static final String HEADER = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";
  static final List<String> KEPT_HEADERS =
      List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION, HttpHeaders.ETAG);
  static final List<String> NOT_COVERED = List.of("/api/v1/auth/token");

  private static final String RUNNING = IdempotencyFilter.class.getName() + ".attempt";
  private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);

  private final IdempotencyRepository repository;
  private final IdempotencyProperties properties;
  private final Clock clock;

  IdempotencyFilter(
      IdempotencyRepository repository, IdempotencyProperties properties, Clock clock) {
    this.repository = repository;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isAsyncDispatch(request)) {
      chain.doFilter(request, response);
      Attempt attempt = (Attempt) request.getAttribute(RUNNING);
      ContentCachingResponseWrapper kept =
          WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class);
      if (attempt != null && kept != null && !request.isAsyncStarted()) {
        finish(attempt, kept);
      }
      return;
    }
    String header = request.getHeader(HEADER);
    if (header == null
        || !"POST".equals(request.getMethod())
        || NOT_COVERED.contains(request.getRequestURI())) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> key = RequestFingerprint.key(header);
    if (key.isEmpty()) {
      ProblemResponses.write(request, response, badKey());
      return;
    }
    HttpServletRequest toRun = request;
    byte[] body;
    if (isForm(request)) {
      body = RequestFingerprint.formBody(request.getParameterMap());
    } else {
      try {
        body = request.getInputStream().readAllBytes();
      } catch (PayloadTooLargeException e) {
        ProblemResponses.write(
            request,
            response,
            new Problem(
                413,
                "payload-too-large",
                "Payload too large",
                e.getMessage(),
                List.of(),
                List.of()));
        return;
      }
      toRun = new ReadBody(request, body);
    }
    String fingerprint =
        RequestFingerprint.of(
            request.getMethod(), request.getRequestURI(), request.getQueryString(), body);
    String scope = scope();
    Claim claim = claim(scope, key.get(), fingerprint);
    switch (claim) {
      case Claim.Started started -> run(started.attempt(), toRun, response, chain);
      case Claim.Replay replay -> replay(replay.row(), response);
      case Claim.Refused refused -> ProblemResponses.write(request, response, refused.problem());
    }
  }

  private void run(
      Attempt attempt, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper kept = new ContentCachingResponseWrapper(response);
    EffectMark.begin(attempt);
    try {
      chain.doFilter(request, kept);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      // Nothing took effect unless the action's transaction committed (then the key is EFFECTED
      // and stays so: the outcome is unknown to the client).
      release(attempt);
      throw e;
    } finally {
      EffectMark.end();
    }
    if (request.isAsyncStarted()) {
      request.setAttribute(RUNNING, attempt);
      return;
    }
    finish(attempt, kept);
  }

  private void finish(Attempt attempt, ContentCachingResponseWrapper kept) throws IOException {
    int status = kept.getStatus();
    byte[] body = kept.getContentAsByteArray();
    int released = status >= 500 ? release(attempt) : 0;
    if (released == 0 && body.length <= properties.maxAnswerBytes()) {
      try {
        repository.complete(
            attempt.scope(), attempt.key(), attempt.id(), status, headers(kept), body);
      } catch (DataAccessException | TransactionException e) {
        // The action's own answer still goes out; the key stays EFFECTED (a retry is told the
        // outcome is unknown) or IN_FLIGHT (a retry takes it over after the lease).
        LOG.warn("Could not keep the answer of an Idempotency-Key: {}", e.getMessage());
      }
    }
    // A larger answer is not kept: the key stays EFFECTED (or IN_FLIGHT when the action wrote
    // nothing) and a retry is told so rather than run again.
    kept.copyBodyToResponse();
  }

  /**
   * Frees the key of an attempt that took no effect: 1 when freed, 0 when the action's transaction
   * had committed (the key stays EFFECTED), -1 when the database cannot be reached — then the key
   * waits out its lease and a retry takes it over; the client's answer (a 503 from the same outage)
   * is not replaced by this failure.
   */
  private int release(Attempt attempt) {
    try {
      return repository.release(attempt.scope(), attempt.key(), attempt.id());
    } catch (DataAccessException | TransactionException e) {
      LOG.warn("Could not release an Idempotency-Key after a failed attempt: {}", e.getMessage());
      return -1;
    }
  }

  private static String headers(HttpServletResponse response) {
    StringBuilder out = new StringBuilder();
    for (String name : KEPT_HEADERS) {
      String value = response.getHeader(name);
      if (value != null) {
        out.append(name).append(": ").append(value).append('\n');
      }
    }
    return out.toString();
  }

  private static void replay(Row row, HttpServletResponse response) throws IOException {
    response.setStatus(row.status() == null ? 500 : row.status());
    String headers = row.headers() == null ? "" : row.headers();
    headers
        .lines()
        .forEach(
            line -> {
              int colon = line.indexOf(": ");
              if (colon > 0) {
                response.setHeader(line.substring(0, colon), line.substring(colon + 2));
              }
            });
    response.setHeader(REPLAYED, "true");
    byte[] body = row.body() == null ? new byte[0] : row.body();
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The outcome of claiming a key. */
  sealed interface Claim {
    record Started(Attempt attempt) implements Claim {}

    record Replay(Row row) implements Claim {}

    record Refused(Problem problem) implements Claim {}
  }

  Claim claim(String scope, String key, String fingerprint) {
    for (int round = 0; round < 3; round++) {
      Instant now = clock.instant();
      UUID id = UUID.randomUUID();
      try {
        repository.insert(scope, key, fingerprint, id, now, now.plus(properties.ttl()));
        return new Claim.Started(new Attempt(scope, key, id));
      } catch (DuplicateKeyException taken) {
        // Someone used the key before: decide from its row.
      }
      Optional<Row> found = repository.find(scope, key);
      if (found.isEmpty()) {
        continue; // purged meanwhile
      }
      Row row = found.get();
      if (!row.expiresAt().isAfter(now)) {
        repository.deleteExpired(scope, key, row.attempt(), now);
        continue;
      }
      if (!row.fingerprint().equals(fingerprint)) {
        return new Claim.Refused(reused());
      }
      switch (row.state()) {
        case "DONE" -> {
          return new Claim.Replay(row);
        }
        case "EFFECTED" -> {
          return new Claim.Refused(
              row.startedAt().plus(properties.lease()).isAfter(now)
                  ? inProgress()
                  : outcomeUnknown());
        }
        default -> {
          if (row.startedAt().plus(properties.lease()).isAfter(now)) {
            return new Claim.Refused(inProgress());
          }
          if (repository.takeOver(scope, key, row.attempt(), id, now) == 1) {
            return new Claim.Started(new Attempt(scope, key, id));
          }
        }
      }
    }
    return new Claim.Refused(inProgress());
  }

  /** The caller's scope: its account, or "anonymous" (the body then tells requests apart). */
  private static String scope() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    Optional<OrganisationPrincipal> principal = OrganisationPrincipal.current();
    if (authentication == null
        || authentication instanceof AnonymousAuthenticationToken
        || principal.isEmpty()) {
      return "anonymous";
    }
    return "account:" + principal.get().organisationId() + ":" + authentication.getName();
  }

  private static boolean isForm(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null
        && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(type));
  }

  static Problem badKey() {
    return new Problem(
        400,
        "idempotency/bad-key",
        "Bad Idempotency-Key",
        "Idempotency-Key must be 1 to "
            + RequestFingerprint.MAX_KEY
            + " printable ASCII characters, optionally in double quotes.",
        List.of(),
        List.of());
  }

  static Problem reused() {
    return new Problem(
        422,
        "idempotency/key-reused",
        "Idempotency-Key used for another request",
        "This Idempotency-Key was used for a different request; use a new key for a new request.",
        List.of(),
        List.of());
  }

  static Problem inProgress() {
    return new Problem(
        409,
        "idempotency/in-progress",
        "Request in progress",
        "A request with this Idempotency-Key is still being processed; retry in a moment.",
        List.of(),
        List.of());
  }

  static Problem outcomeUnknown() {
    return new Problem(
        409,
        "idempotency/outcome-unknown",
        "Outcome not kept",
        "A request with this Idempotency-Key took effect but its answer was not kept; read the"
            + " resource to see the outcome instead of retrying.",
        List.of(),
        List.of());
  }

  /** The request with its body already read, served again from memory. */
  private static final class ReadBody extends HttpServletRequestWrapper {
    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("The body is already read");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}

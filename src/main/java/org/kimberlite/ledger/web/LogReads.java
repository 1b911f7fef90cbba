package org.kimberlite.ledger.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.ledger.internal.CheckpointCache;
import org.kimberlite.ledger.internal.KeptBody;
import org.kimberlite.ledger.internal.TileCache;
import org.kimberlite.platform.web.RequestIds;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers the two hottest public reads of the log from memory, before the rest of the filter chain:
 * a tile already kept ({@link TileCache}: a tile path names bytes that never change) and the
 * checkpoint ({@link CheckpointCache}). Everything else, and every read these do not answer with
 * 200 or 304 (a tile not kept yet, no checkpoint yet, a database failure, another method), goes
 * through the whole chain and {@link LogResources} as before.
 *
 * <p>Both are public reads of public bytes ({@code /log/**} is open to GET and HEAD without an
 * account), so the security chain would only add its headers: the same headers are written here
 * with the same writers and settings as the machine door's chain ({@code SecurityConfig}), and a
 * test compares the answers of both paths header by header. Answers are counted by {@code
 * kimberlite.log.reads}; they are not in {@code http.server.requests}.
 */
final class LogReads extends OncePerRequestFilter {
  static final String CHECKPOINT = "/log/checkpoint";
  static final String TILES = "/log/tile/";
  static final String TEXT = "text/plain;charset=UTF-8";
  static final String OCTETS = "application/octet-stream";
  static final String IMMUTABLE = "max-age=31536000, public, immutable";
  static final String CHECKPOINT_MAX_AGE = "max-age=2, public";

  private static final List<HeaderWriter> SECURITY_HEADERS =
      List.of(
          new XContentTypeOptionsHeaderWriter(),
          new XXssProtectionHeaderWriter(),
          new HstsHeaderWriter(),
          new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
          new ReferrerPolicyHeaderWriter(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER));

  private final TransparencyLog log;
  private final TileCache tiles;
  private final CheckpointCache checkpoints;
  private final Counter tileReads;
  private final Counter checkpointReads;

  LogReads(
      TransparencyLog log, TileCache tiles, CheckpointCache checkpoints, MeterRegistry registry) {
    this.log = log;
    this.tiles = tiles;
    this.checkpoints = checkpoints;
    this.tileReads = reads(registry, "tile");
    this.checkpointReads = reads(registry, "checkpoint");
  }

  private static Counter reads(MeterRegistry registry, String resource) {
    return Counter.builder("kimberlite.log.reads")
        .description("Tiles and checkpoints answered from memory, before the filter chain")
        .tag("resource", resource)
        .register(registry);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return true;
    }
    String path = path(request);
    return !path.equals(CHECKPOINT) && !path.startsWith(TILES);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = path(request);
    KeptBody body;
    boolean checkpoint = path.equals(CHECKPOINT);
    if (checkpoint) {
      body = checkpoint();
    } else {
      body = tiles.kept(path.substring("/log/".length()));
    }
    if (body == null) {
      chain.doFilter(request, response);
      return;
    }
    (checkpoint ? checkpointReads : tileReads).increment();
    String given = response.getHeader(RequestIds.HEADER);
    if (given == null) {
      response.setHeader(
          RequestIds.HEADER, RequestIds.accepted(request.getHeader(RequestIds.HEADER)));
    }
    for (HeaderWriter w : SECURITY_HEADERS) {
      w.writeHeaders(request, response);
    }
    response.setHeader("Cache-Control", checkpoint ? CHECKPOINT_MAX_AGE : IMMUTABLE);
    response.setHeader("ETag", body.etag());
    String ifNoneMatch = request.getHeader("If-None-Match");
    if (ifNoneMatch != null && body.matches(ifNoneMatch)) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(checkpoint ? TEXT : OCTETS);
    response.setContentLength(body.body().length);
    if (!request.getMethod().equals("HEAD")) {
      response.getOutputStream().write(body.body());
    }
  }

  /** The served checkpoint, or null to let the chain answer (none yet, or the database failed). */
  private @Nullable KeptBody checkpoint() {
    try {
      Optional<KeptBody> note = checkpoints.note(log::checkpoint);
      return note.orElse(null);
    } catch (RuntimeException e) {
      return null; // the controller meets the same failure and answers it as a problem
    }
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}

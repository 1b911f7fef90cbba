package org.kimberlite.ledger.web;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.kimberlite.ledger.Cosigning;
import org.kimberlite.ledger.LogFormatException;
import org.kimberlite.ledger.TilePath;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.ledger.Witnessing;
import org.kimberlite.ledger.internal.CheckpointCache;
import org.kimberlite.ledger.internal.KeptBody;
import org.kimberlite.ledger.internal.TileCache;
import org.kimberlite.platform.web.PublicPaths;
import org.kimberlite.shared.problem.Problem;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The log as C2SP tlog-tiles: {@code /log/checkpoint}, {@code /log/tile/<L>/<N>[.p/<W>]}, {@code
 * /log/tile/entries/<N>[.p/<W>]}, plus {@code /log/vkey} and the witnesses' door.
 */
@RestController
@RequestMapping("/log")
class LogResources {
  private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
  private static final CacheControl IMMUTABLE =
      CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic().immutable();

  private final TransparencyLog log;
  private final Witnessing witnessing;
  private final TileCache tiles;
  private final CheckpointCache checkpoints;

  LogResources(
      TransparencyLog log, Witnessing witnessing, TileCache tiles, CheckpointCache checkpoints) {
    this.log = log;
    this.witnessing = witnessing;
    this.tiles = tiles;
    this.checkpoints = checkpoints;
  }

  /**
   * Kept tiles and the checkpoint answered from memory before the filter chain ({@link LogReads}).
   */
  @Bean
  static FilterRegistrationBean<LogReads> logReads(
      TransparencyLog log, TileCache tiles, CheckpointCache checkpoints, MeterRegistry registry) {
    FilterRegistrationBean<LogReads> bean =
        new FilterRegistrationBean<>(new LogReads(log, tiles, checkpoints, registry));
    bean.addUrlPatterns(LogReads.CHECKPOINT, LogReads.TILES + "*");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return bean;
  }

  @Bean
  static PublicPaths ledgerPublicPaths() {
    return PublicPaths.of("/log/**", "/api/v1/log/**").withOpenPosts("/log/cosignatures");
  }

  @GetMapping("/checkpoint")
  ResponseEntity<String> checkpoint() {
    KeptBody note =
        checkpoints
            .note(log::checkpoint)
            .orElseThrow(
                () ->
                    new Problem(
                        503,
                        "ledger/no-checkpoint",
                        "No checkpoint yet",
                        "The log has not signed its first checkpoint yet; try again in a second.",
                        List.of(),
                        List.of()));
    return ResponseEntity.ok()
        .contentType(TEXT)
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofSeconds(2)).cachePublic())
        .eTag(note.etag())
        .body(new String(note.body(), StandardCharsets.UTF_8));
  }

  @GetMapping("/vkey")
  ResponseEntity<String> vkey() {
    return ResponseEntity.ok().contentType(TEXT).body(log.verifierKey() + "\n");
  }

  @GetMapping("/tile/**")
  ResponseEntity<byte[]> tile(HttpServletRequest request) {
    String path =
        request.getRequestURI().substring(request.getContextPath().length() + "/log/".length());
    TilePath tile;
    try {
      tile = TilePath.parse(path);
    } catch (LogFormatException e) {
      throw Problem.notFound("Not a tile path: " + e.getMessage());
    }
    byte[] body =
        log.tile(tile)
            .orElseThrow(
                () ->
                    Problem.notFound(
                        "The log's latest signed checkpoint has no tile " + tile.path() + "."));
    KeptBody kept = tiles.kept(tile.path());
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .cacheControl(IMMUTABLE)
        .eTag((kept != null ? kept : KeptBody.of(body)).etag())
        .body(body);
  }

  /**
   * A witness posts the log's checkpoint with its cosignature lines added (C2SP tlog-cosignature);
   * cosignatures of configured witnesses that verify are kept and served.
   */
  @PostMapping(value = "/cosignatures", consumes = "text/plain")
  ResponseEntity<String> cosign(@RequestBody String note) {
    return switch (witnessing.accept(note)) {
      case Cosigning.Accepted a ->
          ResponseEntity.ok().contentType(TEXT).body("accepted " + a.count() + "\n");
      case Cosigning.NotOurCheckpoint n ->
          throw Problem.rule("ledger/bad-checkpoint", "Not a checkpoint of this log", n.reason());
      case Cosigning.BadCosignature b ->
          throw Problem.rule(
              "ledger/bad-cosignature",
              "A cosignature does not verify",
              "The cosignature of " + b.witness() + " does not verify: " + b.reason());
    };
  }
}

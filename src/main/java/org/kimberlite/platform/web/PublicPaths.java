package org.kimberlite.platform.web;

import java.util.List;

/**
 * Request paths (Spring path patterns) that a module lets anyone read (GET and HEAD) without login.
 * Each module declares a bean of this type; the security configuration opens exactly these for
 * reading and nothing else.
 */
public record PublicPaths(List<String> patterns, List<String> openPosts) {
  public PublicPaths {
    patterns = List.copyOf(patterns);
    openPosts = List.copyOf(openPosts);
  }

  public static PublicPaths of(String... patterns) {
    return new PublicPaths(List.of(patterns), List.of());
  }

  /**
   * Also accepts POSTs without login on {@code posts}: endpoints that authenticate their body
   * themselves (a signature) rather than the caller.
   */
  public PublicPaths withOpenPosts(String... posts) {
    return new PublicPaths(patterns, List.of(posts));
  }
}

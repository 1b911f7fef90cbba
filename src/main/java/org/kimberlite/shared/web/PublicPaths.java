package org.kimberlite.shared.web;

import java.util.List;

/**
 * Request paths (Spring path patterns) that a module lets anyone read (GET and HEAD) without login.
 * Each module declares a bean of this type; the security configuration opens exactly these for
 * reading and nothing else.
 */
public record PublicPaths(List<String> patterns) {
  public PublicPaths {
    patterns = List.copyOf(patterns);
  }

  public static PublicPaths of(String... patterns) {
    return new PublicPaths(List.of(patterns));
  }
}

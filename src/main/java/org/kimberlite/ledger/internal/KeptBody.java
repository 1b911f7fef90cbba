package org.kimberlite.ledger.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A public log resource's bytes kept in memory with their strong entity tag (RFC 9110 §8.8.3): the
 * first 16 bytes of the body's SHA-256 in base64url, quoted, computed once when the body is kept.
 *
 * @param body the bytes served
 * @param etag the entity tag, quotes included
 */
public record KeptBody(byte[] body, String etag) {

  /** The body and its entity tag. */
  public static KeptBody of(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return new KeptBody(
          body,
          '"'
              + Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString(java.util.Arrays.copyOf(digest, 16))
              + '"');
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * Whether an {@code If-None-Match} header value names this body (a list of tags, weak comparison
   * as RFC 9110 §13.1.2 asks, or {@code *}).
   */
  public boolean matches(String ifNoneMatch) {
    String bare = etag.substring(1, etag.length() - 1);
    for (String tag : LIST.split(ifNoneMatch)) {
      String t = tag.strip();
      if (t.equals("*")) {
        return true;
      }
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.length() >= 2
          && t.startsWith("\"")
          && t.endsWith("\"")
          && t.substring(1, t.length() - 1).equals(bare)) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.regex.Pattern LIST = java.util.regex.Pattern.compile(",");
}

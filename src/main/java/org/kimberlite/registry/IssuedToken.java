package org.kimberlite.registry;

/** A freshly issued API token: {@code secret} is shown this once and cannot be read again. */
public record IssuedToken(ApiToken token, String secret) {
  /** Never the secret: a record's text ends up in debug logs. */
  @Override
  public String toString() {
    return "IssuedToken[token=" + token + ", secret=(redacted)]";
  }
}

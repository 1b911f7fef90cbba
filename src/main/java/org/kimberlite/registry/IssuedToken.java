package org.kimberlite.registry;

/** A freshly issued API token: {@code secret} is shown this once and cannot be read again. */
public record IssuedToken(ApiToken token, String secret) {}

package org.kimberlite.platform.web;

/**
 * A request-body limit for the paths under {@code pathPrefix}, other than the server-wide {@code
 * kimberlite.web.max-body-bytes}. A module declares a bean of this type for an endpoint that takes
 * larger documents (the EPCIS capture interface); the longest matching prefix applies.
 */
public record BodyLimit(String pathPrefix, long maxBytes) {}

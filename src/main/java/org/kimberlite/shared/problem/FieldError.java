package org.kimberlite.shared.problem;

/** One input field that was refused, with the reason in words a user can act on. */
public record FieldError(String field, String message) {}

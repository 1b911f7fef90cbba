package org.kimberlite.certification;

/** One rule a request breaks: the rule's ID from docs/rules.md, the field at fault, and why. */
public record Violation(String rule, String field, String message) {}

package org.kimberlite.certification;

/** No certificate with this number that the caller may see. */
public record NotFound(String number) implements ChangeOutcome, DeleteOutcome {}

package org.kimberlite.certification;

/** What asking to delete a certificate came to: never deleted (KP-10), or not found. */
public sealed interface DeleteOutcome permits Refused, NotFound {}

package org.kimberlite.custody;

/**
 * An identifier an event names, in a role.
 *
 * @param role {@code epc}, {@code parent}, {@code child}, {@code input}, {@code output}, or for a
 *     class (quantity element) {@code class}, {@code childClass}, {@code inputClass}, {@code
 *     outputClass}
 * @param value as written in the event
 * @param canonical its canonical GS1 Digital Link form, or {@code value} when it is no GS1 key
 */
public record EpcRef(String role, String value, String canonical) {}

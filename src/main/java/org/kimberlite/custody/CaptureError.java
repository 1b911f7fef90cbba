package org.kimberlite.custody;

import org.jspecify.annotations.Nullable;

/**
 * Why (part of) a captured document was not stored, or a finding kept with a stored event.
 *
 * @param eventIndex the event's position in the document's event list, or {@code null} for the
 *     document as a whole
 * @param rule the rule ID (docs/rules.md)
 * @param pointer JSON pointer into the document ({@code /epcisBody/eventList/3/bizStep})
 * @param detail the reason, in words a client may read
 */
public record CaptureError(
    @Nullable Integer eventIndex, String rule, String pointer, String detail) {}

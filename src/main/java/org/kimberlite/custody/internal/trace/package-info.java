/**
 * The provenance trace (docs/custody.md, "Provenance trace"): the bounded walk over the goods graph
 * that stored events describe, the SQL it reads, and consumer traces that holders publish.
 */
@NullMarked
package org.kimberlite.custody.internal.trace;

import org.jspecify.annotations.NullMarked;

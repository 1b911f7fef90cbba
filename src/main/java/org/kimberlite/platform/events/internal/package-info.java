/**
 * The event publication registry's upkeep (ADR 0011): republishing at start, retrying failed
 * publications, purging completed ones.
 */
@NullMarked
package org.kimberlite.platform.events.internal;

import org.jspecify.annotations.NullMarked;

/** Idempotency internals: the filter, the transaction mark, the repository and the purge job. */
@NullMarked
package org.kimberlite.platform.idempotency.internal;

import org.jspecify.annotations.NullMarked;

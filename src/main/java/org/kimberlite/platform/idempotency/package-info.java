/**
 * The {@code Idempotency-Key} request header on every POST: a retry with the same key and request
 * replays the first answer without running the action again (docs/security.md).
 */
@NullMarked
package org.kimberlite.platform.idempotency;

import org.jspecify.annotations.NullMarked;

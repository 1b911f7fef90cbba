/**
 * The federation's storage, keys, metrics and background jobs (submitting checkpoints to peers,
 * fetching the directory, sending the outbox).
 */
@NullMarked
package org.kimberlite.federation.internal;

import org.jspecify.annotations.NullMarked;

/** The federation's storage, keys, metrics and the job that submits checkpoints to peers. */
@NullMarked
package org.kimberlite.federation.internal;

import org.jspecify.annotations.NullMarked;

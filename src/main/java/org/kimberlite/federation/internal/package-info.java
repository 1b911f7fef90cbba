/** The federation's storage, keys, metrics and background jobs. */
@NullMarked
package org.kimberlite.federation.internal;

import org.jspecify.annotations.NullMarked;

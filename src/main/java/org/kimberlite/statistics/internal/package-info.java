/** Statistics internals: production report storage and the published-figures import. */
@NullMarked
package org.kimberlite.statistics.internal;

import org.jspecify.annotations.NullMarked;

/** Valuation's own internal package. */
@NullMarked
package org.kimberlite.valuation.internal;

import org.jspecify.annotations.NullMarked;

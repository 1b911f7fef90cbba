/** Valuation's own demo package. */
@NullMarked
package org.kimberlite.valuation.demo;

import org.jspecify.annotations.NullMarked;

/** Valuation's own web package. */
@NullMarked
package org.kimberlite.valuation.web;

import org.jspecify.annotations.NullMarked;

/** Valuation's HTTP API and console pages. */
@NullMarked
package org.kimberlite.valuation.web;

import org.jspecify.annotations.NullMarked;

/** What valuation keeps to itself: the price book repository and the VAL policies. */
@NullMarked
package org.kimberlite.valuation.internal;

import org.jspecify.annotations.NullMarked;

/**
 * The demo world's price book, for the command line's {@code demo}: not part of the valuation API,
 * exposed to the command line alone as the named interface {@code demo}.
 */
@NullMarked
@NamedInterface("demo")
package org.kimberlite.valuation.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

/**
 * The demo world's statistics, for the command line's {@code demo}: not part of the statistics API,
 * exposed to the command line alone as the named interface {@code demo}.
 */
@NullMarked
@NamedInterface("demo")
package org.kimberlite.statistics.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

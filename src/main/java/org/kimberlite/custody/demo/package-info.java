/**
 * The demo world's chain of custody, for the command line's {@code demo}: not part of the custody
 * API, exposed to the command line alone as the named interface {@code demo}.
 */
@NullMarked
@NamedInterface("demo")
package org.kimberlite.custody.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

/**
 * The benchmarks' findings, for the command line's {@code bench} command: not the module's API,
 * exposed to the command line only as this named interface.
 */
@NullMarked
@NamedInterface("demo")
package org.kimberlite.diligence.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

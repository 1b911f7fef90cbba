/**
 * The demo world's and the benchmarks' certificates, for the command line's {@code demo} and {@code
 * bench} commands: not the module's API, exposed to the command line only as this named interface.
 */
@NullMarked
@NamedInterface("demo")
package org.kimberlite.certification.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

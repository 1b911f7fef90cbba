/**
 * The demo world's registry part, for the command line's {@code demo} command (and the browser
 * tests): not the registry's API, exposed to the command line only as this named interface.
 */
@NullMarked
@NamedInterface("demo")
package org.kimberlite.registry.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

/**
 * The demo world's governance part (working bodies, annual reports, a peer review visit), for the
 * command line's {@code demo}: not part of the governance API, exposed to the command line alone as
 * the named interface {@code demo}.
 */
@NullMarked
@NamedInterface("demo")
package org.kimberlite.governance.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

/** The command line: serve, demo, version, and the offline tools of later modules. */
@NullMarked
@ApplicationModule(displayName = "Command line")
package org.kimberlite.cli;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

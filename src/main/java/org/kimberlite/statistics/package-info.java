/** KP statistics: production reports, trade from the certificates, summaries and checks. */
@NullMarked
@ApplicationModule(
    displayName = "Statistics",
    allowedDependencies = {
      "certification",
      "registry",
      "shared",
      "shared::*",
      "platform",
      "platform::*"
    })
package org.kimberlite.statistics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

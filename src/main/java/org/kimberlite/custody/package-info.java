/**
 * Custody: GS1 EPCIS 2.0 events — what happened to which goods, where, when and why — captured
 * through the EPCIS REST binding, checked, stored once per CBV event hash ID, committed to the
 * transparency log and queried back. This package is the module's public API: the capture and query
 * use cases, their outcomes, and the seam ({@link EventChecks}) where domain checks run.
 */
@NullMarked
@ApplicationModule(
    displayName = "Custody",
    allowedDependencies = {
      "certification",
      "registry",
      "ledger",
      "shared",
      "shared::*",
      "platform",
      "platform::*"
    })
package org.kimberlite.custody;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

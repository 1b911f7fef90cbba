/**
 * KP governance: the decisions of the Plenary and of the working bodies that change a participant's
 * status or declare compliant zones (recorded by the secretariat, committed to the transparency
 * log, taking effect in the registry from their effective date), the working bodies and who sits on
 * them, participants' annual reports, peer review visits with their action plans, and the
 * monitoring of a participant under an operational framework. This package is the module's public
 * API; {@code internal}, {@code web} and {@code demo} are its own. See docs/governance.md.
 */
@NullMarked
@ApplicationModule(
    displayName = "Governance",
    allowedDependencies = {
      "statistics",
      "certification",
      "registry",
      "ledger",
      "shared",
      "shared::*",
      "platform",
      "platform::*"
    })
package org.kimberlite.governance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

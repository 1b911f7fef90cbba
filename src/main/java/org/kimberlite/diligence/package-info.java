/**
 * Due diligence (OECD steps 2 and 3): the red-flag engine that evaluates policies when the facts
 * they read change (certificates, custody captures, participants, organisations, production
 * reports) and on demand over history; findings with severity, status, evidence and the parties
 * concerned; responses committed to the transparency log; escalation; the country risk lists. This
 * package is the module's public API.
 */
@NullMarked
@ApplicationModule(
    displayName = "Diligence",
    allowedDependencies = {
      "custody",
      "certification",
      "statistics",
      "valuation",
      "registry",
      "ledger",
      "shared",
      "shared::*",
      "platform",
      "platform::*"
    })
package org.kimberlite.diligence;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

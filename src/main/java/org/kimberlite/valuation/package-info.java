/**
 * Valuation of rough diamonds: assortment classes, signed and versioned price books, the reference
 * value of a parcel (VAL-01) and plausibility bands of USD per carat by origin and flow (VAL-02,
 * KP-11). This package is the module's public API; {@code internal}, {@code web} and {@code demo}
 * are its own.
 */
@NullMarked
@ApplicationModule(
    displayName = "Valuation",
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
package org.kimberlite.valuation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

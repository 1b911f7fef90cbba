/**
 * The registry: KP participants and their status history, organisations along the pipeline,
 * accounts and API tokens. This package is the module's public API; {@code internal} and {@code
 * web} are its own.
 */
@NullMarked
@ApplicationModule(
    displayName = "Registry",
    allowedDependencies = {"ledger", "shared", "shared::*", "platform", "platform::*"})
package org.kimberlite.registry;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * The web platform every module's adapters stand on: problem responses, request limits, public
 * paths, error pages and the signed-in organisation. Plumbing, not domain: no module's public API
 * depends on it, only their {@code web} packages and security configuration.
 */
@NullMarked
@ApplicationModule(
    displayName = "Web platform",
    type = ApplicationModule.Type.OPEN,
    allowedDependencies = {"shared", "shared::*"})
package org.kimberlite.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

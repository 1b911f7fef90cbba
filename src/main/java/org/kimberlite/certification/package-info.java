/**
 * KP certification: certificates for rough-diamond shipments, from issue to import confirmation,
 * cancellation or expiry; their signatures, printable documents and verification. This package is
 * the module's public API.
 */
@NullMarked
@ApplicationModule(
    displayName = "Certification",
    allowedDependencies = {"registry", "ledger", "shared", "shared::*", "platform", "platform::*"})
package org.kimberlite.certification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

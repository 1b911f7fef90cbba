/**
 * KP certification: certificates for rough-diamond shipments, from issue to import confirmation,
 * cancellation or expiry; their signatures, printable documents and verification. This package is
 * the module's public API; the command line also reads printed certificates back through the named
 * interface {@code documents} and builds the demo and benchmark data through {@code demo}.
 */
@NullMarked
@ApplicationModule(
    displayName = "Certification",
    allowedDependencies = {"registry", "ledger", "shared", "shared::*", "platform", "platform::*"})
package org.kimberlite.certification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

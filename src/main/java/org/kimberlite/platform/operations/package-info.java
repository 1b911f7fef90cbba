/**
 * What operators see of the platform: health indicators that are not any one module's (database
 * migrations applied). Each module adds its own indicators and metrics in its {@code internal}
 * package; docs/operations.md lists them.
 */
@NullMarked
package org.kimberlite.platform.operations;

import org.jspecify.annotations.NullMarked;

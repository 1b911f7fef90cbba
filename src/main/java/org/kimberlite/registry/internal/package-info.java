/** Registry internals: repositories, seeding and the security configuration. */
@NullMarked
package org.kimberlite.registry.internal;

import org.jspecify.annotations.NullMarked;

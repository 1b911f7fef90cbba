/** The red-flag policies: pure functions from facts to flags, one rule ID or more each. */
@NullMarked
package org.kimberlite.diligence.internal.policies;

import org.jspecify.annotations.NullMarked;

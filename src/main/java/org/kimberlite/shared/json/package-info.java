/** RFC 8785 canonical JSON for the values Kimberlite commits to. */
@NullMarked
package org.kimberlite.shared.json;

import org.jspecify.annotations.NullMarked;

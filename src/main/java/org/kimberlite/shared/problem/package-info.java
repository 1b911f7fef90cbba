/** Refusals as data: problems that the web layer maps to RFC 9457 responses. */
@NullMarked
package org.kimberlite.shared.problem;

import org.jspecify.annotations.NullMarked;

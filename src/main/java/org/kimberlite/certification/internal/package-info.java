/** Certification internals: repositories, rules context, document rendering. */
@NullMarked
package org.kimberlite.certification.internal;

import org.jspecify.annotations.NullMarked;

/** Kimberlite: KP e-certificates, diamond custody and a public transparency log. */
@NullMarked
package org.kimberlite;

import org.jspecify.annotations.NullMarked;

/** What every module may know of the signed-in caller without depending on the registry. */
@NullMarked
package org.kimberlite.platform.security;

import org.jspecify.annotations.NullMarked;

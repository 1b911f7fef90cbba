/** What governance keeps to itself: repositories, seeders and the policies behind its use cases. */
@NullMarked
package org.kimberlite.governance.internal;

import org.jspecify.annotations.NullMarked;

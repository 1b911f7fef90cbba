/**
 * The diamond profile of custody (docs/custody.md, "Diamond profile"): the {@code kimberlite:}
 * vocabulary read from events, the goods' state kept beside the stored events, and the checks that
 * apply the custody rules (CUS, SOW, LGD, NOM) to goods under the profile.
 */
@NullMarked
package org.kimberlite.custody.internal.profile;

import org.jspecify.annotations.NullMarked;

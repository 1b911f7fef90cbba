/** Value types and mechanisms every module may use; depends on no other module. */
@NullMarked
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
package org.kimberlite.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

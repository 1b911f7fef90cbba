/** Ledger internals: storage of entries and tree nodes, the integrator, keys, the auditor. */
@NullMarked
package org.kimberlite.ledger.internal;

import org.jspecify.annotations.NullMarked;

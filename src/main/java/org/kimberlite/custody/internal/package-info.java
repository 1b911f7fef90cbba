/** Custody internals: EPCIS parsing and validation, identifier normalisation, repositories. */
@NullMarked
package org.kimberlite.custody.internal;

import org.jspecify.annotations.NullMarked;

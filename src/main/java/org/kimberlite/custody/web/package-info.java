/** The EPCIS 2.0 REST binding: capture and query endpoints. */
@NullMarked
package org.kimberlite.custody.web;

import org.jspecify.annotations.NullMarked;

/** The federation's HTTP face. */
@NullMarked
package org.kimberlite.federation.web;

import org.jspecify.annotations.NullMarked;

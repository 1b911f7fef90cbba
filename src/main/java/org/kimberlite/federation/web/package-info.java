/** The federation's HTTP face: the C2SP tlog-witness endpoint and the federation API. */
@NullMarked
package org.kimberlite.federation.web;

import org.jspecify.annotations.NullMarked;

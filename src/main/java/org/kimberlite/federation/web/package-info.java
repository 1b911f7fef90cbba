/**
 * The federation's HTTP face: the C2SP tlog-witness endpoint, the federation API, the directory and
 * the certificate exchange.
 */
@NullMarked
package org.kimberlite.federation.web;

import org.jspecify.annotations.NullMarked;
